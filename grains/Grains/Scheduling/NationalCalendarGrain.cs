using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Naming;
using Actors.Contracts.Outbox;
using Actors.Contracts.Scheduling;
using Actors.Contracts.Scheduling.Events;
using Actors.Grains.Steps;

namespace Actors.Grains.Scheduling;

/// <summary>
/// The public holidays every center closes on and the national special-hours periods (Ramadan, the summer
/// single session) every center follows unless it publishes its own. Operators maintain it, nothing is
/// guessed from a lunar calendar; the demo data seeds the fixed-date holidays. Each change runs through
/// <see cref="GrainSteps{TState}"/>: checked, versioned, written once with its <see cref="NationalCalendarChanged"/>.
/// </summary>
public sealed class NationalCalendarGrain : Grain, INationalCalendarGrain
{
    private readonly IPersistentState<NationalCalendarState> state;
    private readonly GrainSteps<NationalCalendarState> steps;

    public NationalCalendarGrain(
        [PersistentState(StorageNames.NationalCalendarState, StorageNames.Domain)] IPersistentState<NationalCalendarState> state,
        IOutboxPublisher outbox,
        TimeProvider clock)
    {
        this.state = state;
        steps = new GrainSteps<NationalCalendarState>(state, this, outbox, clock, AggregateTypes.NationalCalendar);
    }

    // What Holidays and SpecialPeriods answer, made once per version of the lists they come from (every change, and a
    // write that failed and restored the state, puts new lists in the state): each step of every request reads both for
    // its due date, thousands of times a second under load. Orleans hands callers copies, so none can change these.
    private (List<PublicHoliday> Source, IReadOnlyList<PublicHoliday> Sorted)? sortedHolidays;
    private (List<SpecialHoursPeriod> Source, IReadOnlyList<SpecialHoursPeriod> Sorted)? nationalPeriods;

    private NationalCalendarState S => state.State;

    public Task<IReadOnlyList<PublicHoliday>> Holidays()
    {
        if (sortedHolidays is not { } known || !ReferenceEquals(known.Source, S.Holidays))
        {
            sortedHolidays = known = (S.Holidays, S.Holidays.OrderBy(h => h.Date).ToList());
        }

        return Task.FromResult(known.Sorted);
    }

    public Task<IReadOnlyList<SpecialHoursPeriod>> SpecialPeriods()
    {
        if (nationalPeriods is not { } known || !ReferenceEquals(known.Source, S.SpecialPeriods))
        {
            nationalPeriods = known = (S.SpecialPeriods, S.SpecialPeriods.OrderBy(p => p.From).Select(p => p with { National = true }).ToList());
        }

        return Task.FromResult(known.Sorted);
    }

    public Task<PublicHoliday> AddHoliday(Actor actor, PublicHoliday holiday) => steps.Run(NationalCalendarOperations.AddPublicHoliday, async () =>
    {
        var op = NationalCalendarOperations.AddPublicHoliday;
        RequireOperator(op, actor);
        ArgumentNullException.ThrowIfNull(holiday);
        Check(op, CalendarRules.CheckText(holiday.NameAr, "nameAr", CalendarRules.MaxNameLength)
                  ?? CalendarRules.CheckText(holiday.NameFr, "nameFr", CalendarRules.MaxNameLength));
        var added = holiday with { NameAr = holiday.NameAr.Trim(), NameFr = holiday.NameFr.Trim() };
        var existing = S.Holidays.FirstOrDefault(h => h.Date == added.Date);
        if (existing is not null)
        {
            return existing == added
                ? existing
                : throw CalendarProblem.Of("date", $"{existing.NameFr} is already the holiday of that day; remove it first.",
                    ("date", Date(added.Date)), ("holiday", existing.NameFr)).RefusedBy(op);
        }

        var (version, now) = steps.Next();
        S.Holidays = [.. S.Holidays.Append(added).OrderBy(h => h.Date)];
        await Commit(actor, version, now, NationalCalendarChange.HolidayAdded, added, null);
        return added;
    });

    public Task<PublicHoliday> RemoveHoliday(Actor actor, DateOnly date) => steps.Run(NationalCalendarOperations.RemovePublicHoliday, async () =>
    {
        var op = NationalCalendarOperations.RemovePublicHoliday;
        RequireOperator(op, actor);
        var existing = S.Holidays.FirstOrDefault(h => h.Date == date)
                       ?? throw CalendarProblem.Of("date", "No public holiday on that day.", ("date", Date(date))).RefusedBy(op);
        var (version, now) = steps.Next();
        S.Holidays = S.Holidays.Where(h => h.Date != date).ToList();
        await Commit(actor, version, now, NationalCalendarChange.HolidayRemoved, existing, null);
        return existing;
    });

    public Task<SpecialHoursPeriod> AddSpecialPeriod(Actor actor, string name, DateOnly from, DateOnly to, WeeklyHours hours) =>
        steps.Run(NationalCalendarOperations.AddSpecialPeriod, async () =>
        {
            var op = NationalCalendarOperations.AddSpecialPeriod;
            RequireOperator(op, actor);
            var same = S.SpecialPeriods.FirstOrDefault(p =>
                p.Name == name?.Trim() && p.From == from && p.To == to && hours is not null && StoredCalendars.SameHours(p.Hours, hours));
            if (same is not null)
            {
                return same with { National = true };
            }

            Check(op, CalendarRules.CheckPeriod(name!, from, to, hours!, S.SpecialPeriods));
            var (version, now) = steps.Next();
            var period = StoredCalendars.Of(new SpecialHoursPeriod($"national-period-{version}", name!.Trim(), from, to, hours!, National: true));
            S.SpecialPeriods = [.. S.SpecialPeriods.Append(period).OrderBy(p => p.From)];
            await Commit(actor, version, now, NationalCalendarChange.SpecialPeriodAdded, null, period);
            return period;
        });

    public Task<SpecialHoursPeriod> RemoveSpecialPeriod(Actor actor, string periodId) => steps.Run(NationalCalendarOperations.RemoveSpecialPeriod, async () =>
    {
        var op = NationalCalendarOperations.RemoveSpecialPeriod;
        RequireOperator(op, actor);
        var existing = S.SpecialPeriods.FirstOrDefault(p => p.Id == periodId)
                       ?? throw CalendarProblem.Of("periodId", "No national special-hours period with that id.", ("periodId", periodId ?? "")).RefusedBy(op);
        var (version, now) = steps.Next();
        S.SpecialPeriods = S.SpecialPeriods.Where(p => p.Id != periodId).ToList();
        await Commit(actor, version, now, NationalCalendarChange.SpecialPeriodRemoved, null, existing);
        return existing with { National = true };
    });

    private async Task Commit(Actor actor, long version, DateTimeOffset now, NationalCalendarChange change, PublicHoliday? holiday, SpecialHoursPeriod? period)
    {
        S.Version = version;
        S.UpdatedAt = now;
        await steps.Commit("0", [new NationalCalendarChanged(actor.Describe(), version, now, change, holiday, period)]);
    }

    private static void Check(DomainOperation op, CalendarProblem? problem)
    {
        if (problem is not null)
        {
            throw problem.RefusedBy(op);
        }
    }

    private static void RequireOperator(DomainOperation op, Actor actor)
    {
        if (actor.Role is not (ActorRole.Operator or ActorRole.System))
        {
            throw op.Refuse(ErrorCodes.NotAllowed, $"Only an {SchemaText.Of(ActorRole.Operator)} maintains the national calendar.", ("role", SchemaText.Of(actor.Role)));
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
