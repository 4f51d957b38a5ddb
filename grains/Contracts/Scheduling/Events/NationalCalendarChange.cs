namespace Actors.Contracts.Scheduling.Events;

public enum NationalCalendarChange
{
    HolidayAdded,
    HolidayRemoved,
    SpecialPeriodAdded,
    SpecialPeriodRemoved,
}
