using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Clocks;
using Actors.Contracts.Scheduling;

namespace Actors.Tests.Clocks;

/// <summary>Due dates and thresholds count working days of the center's calendar: weekends, public holidays and closures do not count.</summary>
public sealed class ServiceLevelTargetsTests
{
    private static readonly TimeSpan Tunis = TimeSpan.FromHours(1);
    private static readonly SlaOptions Defaults = new();
    private static readonly CenterCalendar Standard = CenterCalendar.Standard(administrativeDesks: 2, judicialDesks: 0);
    private static readonly IReadOnlySet<DateOnly> NoHolidays = new HashSet<DateOnly>();

    // Thursday 18 March 2027, 10:00 in Tunis.
    private static readonly DateTimeOffset Thursday = new(2027, 3, 18, 10, 0, 0, Tunis);
    private static readonly DateTimeOffset Friday = new(2027, 3, 19, 10, 0, 0, Tunis);

    [Fact]
    public void One_working_day_ends_at_midnight_after_the_next_working_day()
    {
        Assert.Equal(new DateTimeOffset(2027, 3, 20, 0, 0, 0, Tunis), DueAt(RequestStatus.Submitted, Thursday));
    }

    [Fact]
    public void The_weekend_does_not_count()
    {
        // VERIFYING: 2 working days from a Friday are Monday and Tuesday.
        Assert.Equal(new DateTimeOffset(2027, 3, 24, 0, 0, 0, Tunis), DueAt(RequestStatus.Verifying, Friday));
    }

    [Fact]
    public void A_public_holiday_does_not_count()
    {
        var holidays = new HashSet<DateOnly> { new(2027, 3, 22) };
        Assert.Equal(new DateTimeOffset(2027, 3, 25, 0, 0, 0, Tunis), DueAt(RequestStatus.Verifying, Friday, holidays: holidays));
    }

    [Fact]
    public void The_centers_own_closure_does_not_count()
    {
        var holidays = new HashSet<DateOnly> { new(2027, 3, 22) };
        var closed = Standard with { Closures = [new CenterClosure("works", new DateOnly(2027, 3, 23), new DateOnly(2027, 3, 24), "Works")] };

        // Monday a holiday, Tuesday and Wednesday closed: Thursday and Friday count, due at the end of Friday.
        Assert.Equal(new DateTimeOffset(2027, 3, 27, 0, 0, 0, Tunis), DueAt(RequestStatus.Verifying, Friday, closed, holidays));
    }

    [Fact]
    public void A_booked_request_is_due_at_the_end_of_its_appointments_day_and_a_final_one_has_no_due_date()
    {
        var appointment = new Appointment("TN11-GU1", new DateTimeOffset(2027, 3, 23, 9, 30, 0, Tunis));
        Assert.Equal(
            new DateTimeOffset(2027, 3, 24, 0, 0, 0, Tunis),
            ServiceLevelTargets.DueAt(Defaults, RequestStatus.AppointmentBooked, appointment, Standard, NoHolidays, Thursday));
        Assert.Null(ServiceLevelTargets.DueAt(Defaults, RequestStatus.AppointmentBooked, null, Standard, NoHolidays, Thursday));
        Assert.All(RequestTransitions.Final, status => Assert.Null(DueAt(status, Thursday)));
    }

    [Fact]
    public void Escalation_comes_the_configured_working_days_after_the_due_date()
    {
        // Due at the end of Tuesday 23 March; 5 working days later: Wednesday to Friday, Monday, Tuesday 30.
        var due = new DateTimeOffset(2027, 3, 24, 0, 0, 0, Tunis);
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 0, 0, 0, Tunis), ServiceLevelTargets.EscalationAt(Defaults, Standard, NoHolidays, due));
    }

    [Fact]
    public void Configured_targets_replace_the_defaults_and_impossible_ones_are_refused()
    {
        var options = new SlaOptions();
        options.TargetDays[RequestStatus.Submitted] = 3;
        Assert.True(options.IsValid);
        Assert.Equal(new DateTimeOffset(2027, 3, 24, 0, 0, 0, Tunis), ServiceLevelTargets.DueAt(options, RequestStatus.Submitted, null, Standard, NoHolidays, Thursday));

        options.TargetDays[RequestStatus.Delivered] = 1;
        Assert.False(options.IsValid);
        Assert.False(new SlaOptions { EscalateAfter = 0 }.IsValid);
        Assert.False(new SlaOptions { MaxReminderDelay = TimeSpan.Zero }.IsValid);
    }

    private static DateTimeOffset? DueAt(RequestStatus status, DateTimeOffset since, CenterCalendar? calendar = null, IReadOnlySet<DateOnly>? holidays = null) =>
        ServiceLevelTargets.DueAt(Defaults, status, appointment: null, calendar ?? Standard, holidays ?? NoHolidays, since);
}
