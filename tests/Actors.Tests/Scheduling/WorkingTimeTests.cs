using Actors.Contracts.Scheduling;

namespace Actors.Tests.Scheduling;

/// <summary>Service-level targets in working days of a center's calendar: weekends, holidays and closures do not count.</summary>
public sealed class WorkingTimeTests
{
    private static readonly CenterCalendar Calendar = CalendarWeek.CenterWithClosure(2027).WithNational([CalendarWeek.Ramadan(2027)]);
    private static readonly HashSet<DateOnly> Holidays = [CalendarWeek.Eid(2027)];

    private static DateTimeOffset Tunis(int month, int day, int hour, int minute = 0) => TunisTime.ToInstant(new DateTime(2027, month, day, hour, minute, 0));

    public static TheoryData<int, int, int, int, int, int> DueDates => new()
    {
        // From Monday 8 March: Tuesday (Ramadan hours still count) is the first working day.
        { 3, 8, 10, 1, 3, 10 },
        // Wednesday (Eid) and Thursday (closure) do not count: Tuesday, then Friday.
        { 3, 8, 10, 2, 3, 13 },
        // The weekend does not count either: Tuesday, Friday, Monday 15.
        { 3, 8, 10, 3, 3, 16 },
        // Late on a Friday evening: the day it starts is never counted.
        { 3, 12, 23, 1, 3, 16 },
        // From a holiday: the next working day is Friday.
        { 3, 10, 9, 1, 3, 13 },
        // Zero days: midnight after the start's own day is not reached, the instant's day is the target's.
        { 3, 8, 10, 0, 3, 9 },
    };

    [Theory]
    [MemberData(nameof(DueDates))]
    public void A_target_in_working_days_ends_at_midnight_after_the_last_one(int month, int day, int hour, int workingDays, int dueMonth, int dueDay)
    {
        var due = WorkingTime.DueAt(Calendar, Holidays, Tunis(month, day, hour), workingDays);
        Assert.Equal(Tunis(dueMonth, dueDay, 0), due);
    }

    [Fact]
    public void Working_days_between_two_instants_skip_the_holiday_the_closure_and_the_weekend()
    {
        Assert.Equal(2, WorkingTime.Between(Calendar, Holidays, Tunis(3, 8, 9), Tunis(3, 14, 18)));
        Assert.Equal(3, WorkingTime.Between(Calendar, Holidays, Tunis(3, 8, 9), Tunis(3, 15, 8)));
        Assert.Equal(0, WorkingTime.Between(Calendar, Holidays, Tunis(3, 10, 9), Tunis(3, 11, 18)));
    }

    [Fact]
    public void A_calendar_that_never_opens_has_no_due_date()
    {
        var closedForYears = Calendar with { Closures = [new CenterClosure("closure-1", new DateOnly(2027, 1, 1), new DateOnly(2035, 1, 1), "Fermé")] };
        Assert.Null(WorkingTime.DueAt(closedForYears, Holidays, Tunis(3, 8, 10), 1));
    }
}
