using System.Globalization;
using Actors.Contracts.Centers;
using Actors.Contracts.Errors;
using Actors.Contracts.Naming;

namespace Actors.Contracts.Scheduling;

/// <summary>
/// What makes a calendar entry consistent, for the national calendar and every center alike. Ours, where no
/// rule was given: sessions lie within 06:00–22:00 (no administration opens outside), last at least
/// <see cref="MinSessionMinutes"/> (a shorter one would hold one or two appointments and mostly confuse
/// citizens), at most <see cref="MaxSessionsPerDay"/> a day, never overlap; a week opens at least one day (a
/// center that does not open is closed, which is a closure); a closure or a period lasts at most
/// <see cref="MaxDays"/> days; slot lengths are 5 to 240 minutes and desks 0 to 200 per category.
/// Each check returns the problem, or null when the entry is fine.
/// </summary>
public static class CalendarRules
{
    public static readonly TimeOnly EarliestOpening = new(6, 0);
    public static readonly TimeOnly LatestClosing = new(22, 0);
    public const int MinSessionMinutes = 30;
    public const int MaxSessionsPerDay = 4;
    public const int MaxDays = 366;
    public const int MinSlotMinutes = 5;
    public const int MaxSlotMinutes = 240;
    public const int MaxDesks = 200;
    public const int MaxNameLength = 100;

    public static CalendarProblem? CheckHours(WeeklyHours hours, string field = "hours")
    {
        ArgumentNullException.ThrowIfNull(hours);
        var twice = hours.Days.GroupBy(d => d.Day).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            return CalendarProblem.Of(field, $"{SchemaText.Of(twice.Key)} is listed twice; give all its sessions once.", ("day", SchemaText.Of(twice.Key)));
        }

        foreach (var day in hours.Days)
        {
            if (day.Sessions.Count > MaxSessionsPerDay)
            {
                return CalendarProblem.Of(field, $"At most {MaxSessionsPerDay} sessions a day.", ("day", SchemaText.Of(day.Day)));
            }

            OpeningHours? previous = null;
            foreach (var session in day.Sessions.OrderBy(s => s.Opens))
            {
                if (session.Opens < EarliestOpening || session.Closes > LatestClosing || session.Opens >= session.Closes)
                {
                    return CalendarProblem.Of(field, $"A session opens before it closes, within {Time(EarliestOpening)}–{Time(LatestClosing)}.",
                        ("day", SchemaText.Of(day.Day)), ("opens", Time(session.Opens)), ("closes", Time(session.Closes)));
                }

                if ((session.Closes - session.Opens).TotalMinutes < MinSessionMinutes)
                {
                    return CalendarProblem.Of(field, $"A session lasts at least {MinSessionMinutes} minutes.",
                        ("day", SchemaText.Of(day.Day)), ("opens", Time(session.Opens)), ("closes", Time(session.Closes)));
                }

                if (previous is not null && session.Opens < previous.Closes)
                {
                    return CalendarProblem.Of(field, "Sessions of a day do not overlap.",
                        ("day", SchemaText.Of(day.Day)), ("opens", Time(session.Opens)), ("closes", Time(previous.Closes)));
                }

                previous = session;
            }
        }

        return hours.Days.Any(d => d.Sessions.Count > 0)
            ? null
            : CalendarProblem.Of(field, "The hours open at least one day a week; a center that does not open at all is closed (a closure).");
    }

    public static CalendarProblem? CheckDates(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            return CalendarProblem.Of("to", "to is on or after from.", ("from", Date(from)), ("to", Date(to)));
        }

        return to.DayNumber - from.DayNumber + 1 > MaxDays
            ? CalendarProblem.Of("to", $"At most {MaxDays} days, both included.", ("from", Date(from)), ("to", Date(to)), ("maxDays", SchemaText.Number(MaxDays)))
            : null;
    }

    public static CalendarProblem? CheckText(string? text, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Length > maxLength
            ? CalendarProblem.Of(field, $"{field} has 1 to {maxLength} characters.", ("maxLength", SchemaText.Number(maxLength)))
            : null;

    /// <summary>A special-hours period: a name, dates, valid hours, and no overlap with another period of the same level.</summary>
    public static CalendarProblem? CheckPeriod(string name, DateOnly from, DateOnly to, WeeklyHours hours, IEnumerable<SpecialHoursPeriod> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        var problem = CheckText(name, "name", MaxNameLength) ?? CheckDates(from, to) ?? CheckHours(hours);
        if (problem is not null)
        {
            return problem;
        }

        var overlapping = others.FirstOrDefault(p => p.From <= to && from <= p.To);
        return overlapping is null
            ? null
            : CalendarProblem.Of("from", $"The period overlaps {overlapping.Name} ({Date(overlapping.From)} to {Date(overlapping.To)}); change or remove that one first.",
                ("periodId", overlapping.Id));
    }

    public static CalendarProblem? CheckClosure(DateOnly from, DateOnly to, string reason) =>
        CheckDates(from, to) ?? CheckText(reason, "reason", DomainLimits.MaxReasonLength);

    /// <summary>Desks per category (each once, 0..200, 0 for a category the kind does not serve) and slot lengths (each service once, 5..240 minutes, a service of the kind's categories).</summary>
    public static CalendarProblem? CheckDesks(CenterKind kind, IReadOnlyList<CategoryDesks> desks, IReadOnlyList<ServiceSlotLength> slotLengths)
    {
        ArgumentNullException.ThrowIfNull(desks);
        ArgumentNullException.ThrowIfNull(slotLengths);
        if (desks.GroupBy(d => d.Category).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return CalendarProblem.Of("desks", $"{SchemaText.Of(twice.Key)} is listed twice.", ("category", SchemaText.Of(twice.Key)));
        }

        foreach (var d in desks)
        {
            if (d.Desks is < 0 or > MaxDesks)
            {
                return CalendarProblem.Of("desks", $"Desks are 0 to {MaxDesks} per category.", ("category", SchemaText.Of(d.Category)), ("max", SchemaText.Number(MaxDesks)));
            }

            if (d.Desks > 0 && !CenterServices.KindMayOffer(kind, d.Category))
            {
                return CalendarProblem.Of("desks", $"A {SchemaText.Of(kind)} serves no {SchemaText.Of(d.Category)} services: its desks stay 0.",
                    ("category", SchemaText.Of(d.Category)), ("kind", SchemaText.Of(kind)));
            }
        }

        if (slotLengths.GroupBy(l => l.Service).FirstOrDefault(g => g.Count() > 1) is { } again)
        {
            return CalendarProblem.Of("slotLengths", $"{SchemaText.Of(again.Key)} is listed twice.", ("service", SchemaText.Of(again.Key)));
        }

        foreach (var l in slotLengths)
        {
            if (l.Minutes is < MinSlotMinutes or > MaxSlotMinutes)
            {
                return CalendarProblem.Of("slotLengths", $"A slot lasts {MinSlotMinutes} to {MaxSlotMinutes} minutes.",
                    ("service", SchemaText.Of(l.Service)), ("min", SchemaText.Number(MinSlotMinutes)), ("max", SchemaText.Number(MaxSlotMinutes)));
            }

            if (!CenterServices.KindMayOffer(kind, CenterServices.CategoryOf(l.Service)))
            {
                return CalendarProblem.Of("slotLengths", $"A {SchemaText.Of(kind)} does not offer {SchemaText.Of(l.Service)}.",
                    ("service", SchemaText.Of(l.Service)), ("kind", SchemaText.Of(kind)));
            }
        }

        return null;
    }

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
