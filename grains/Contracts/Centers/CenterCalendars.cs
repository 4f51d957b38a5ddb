using Actors.Contracts.Scheduling;

namespace Actors.Contracts.Centers;

/// <summary>The calendar of a center that has not published its own.</summary>
public static class CenterCalendars
{
    /// <summary>
    /// The standard week, with one desk per installed workstation (at least one) for each category the center
    /// offers; a model office splits its workstations between its administrative and judicial desks.
    /// </summary>
    public static CenterCalendar DefaultFor(ServiceCenterProfile profile, CenterReadiness readiness)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(readiness);
        var administrative = profile.Services.Any(s => CenterServices.CategoryOf(s) == ServiceCategory.Administrative);
        var judicial = profile.Services.Any(s => CenterServices.CategoryOf(s) == ServiceCategory.Judicial);
        var workstations = Math.Max(1, readiness.WorkstationsInstalled);
        var (a, j) = (administrative, judicial) switch
        {
            (true, true) => (Math.Max(1, workstations - (workstations / 2)), Math.Max(1, workstations / 2)),
            (true, false) => (workstations, 0),
            (false, true) => (0, workstations),
            _ => (0, 0),
        };
        return CenterCalendar.Standard(a, j);
    }
}
