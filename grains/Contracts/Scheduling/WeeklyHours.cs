namespace Actors.Contracts.Scheduling;

/// <summary>
/// Opening hours per weekday. A weekday not listed is closed. The default is ours, modelled on the
/// Tunisian administration's double session: Monday to Thursday 08:00–12:00 and 13:00–17:00, Friday
/// 08:00–12:00 and 14:00–17:00 (the longer pause of the Friday prayer); Saturday and Sunday closed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WeeklyHours([property: Id(0)] IReadOnlyList<DayHours> Days)
{
    public static WeeklyHours Standard { get; } = new(
    [
        Double(DayOfWeek.Monday), Double(DayOfWeek.Tuesday), Double(DayOfWeek.Wednesday), Double(DayOfWeek.Thursday),
        new DayHours(DayOfWeek.Friday, [new OpeningHours(new TimeOnly(8, 0), new TimeOnly(12, 0)), new OpeningHours(new TimeOnly(14, 0), new TimeOnly(17, 0))]),
    ]);

    /// <summary>The sessions of a weekday, in order; empty when closed.</summary>
    public IReadOnlyList<OpeningHours> On(DayOfWeek day)
    {
        // A loop, not a query: the service-level clocks ask this for every day they walk, at every step of every request.
        List<OpeningHours>? sessions = null;
        foreach (var listed in Days)
        {
            if (listed.Day == day)
            {
                (sessions ??= []).AddRange(listed.Sessions);
            }
        }

        if (sessions is null)
        {
            return [];
        }

        // An insertion sort, stable as OrderBy was (sessions opening at the same time keep their listed order); a day has
        // two or three.
        for (var i = 1; i < sessions.Count; i++)
        {
            var session = sessions[i];
            var j = i - 1;
            while (j >= 0 && sessions[j].Opens > session.Opens)
            {
                sessions[j + 1] = sessions[j];
                j--;
            }

            sessions[j + 1] = session;
        }

        return sessions;
    }

    private static DayHours Double(DayOfWeek day) =>
        new(day, [new OpeningHours(new TimeOnly(8, 0), new TimeOnly(12, 0)), new OpeningHours(new TimeOnly(13, 0), new TimeOnly(17, 0))]);
}
