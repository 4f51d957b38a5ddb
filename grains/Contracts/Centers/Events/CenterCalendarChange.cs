namespace Actors.Contracts.Centers.Events;

public enum CenterCalendarChange
{
    OpeningHoursSet,
    DesksSet,
    ClosureAdded,
    ClosureRemoved,
    SpecialPeriodAdded,
    SpecialPeriodRemoved,
}
