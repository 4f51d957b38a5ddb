using Actors.Contracts.Errors;

namespace Actors.Contracts.Scheduling;

/// <summary>What the national calendar grain offers, each with the refusals it may raise (the mutations' error unions).</summary>
public static class NationalCalendarOperations
{
    public static DomainOperation AddPublicHoliday { get; } = new("addPublicHoliday", ErrorCodes.NotAllowed, ErrorCodes.CalendarInvalid);

    public static DomainOperation RemovePublicHoliday { get; } = new("removePublicHoliday", ErrorCodes.NotAllowed, ErrorCodes.CalendarInvalid);

    public static DomainOperation AddSpecialPeriod { get; } = new("addNationalSpecialHoursPeriod", ErrorCodes.NotAllowed, ErrorCodes.CalendarInvalid);

    public static DomainOperation RemoveSpecialPeriod { get; } = new("removeNationalSpecialHoursPeriod", ErrorCodes.NotAllowed, ErrorCodes.CalendarInvalid);

    public static IReadOnlyList<DomainOperation> All { get; } = [AddPublicHoliday, RemovePublicHoliday, AddSpecialPeriod, RemoveSpecialPeriod];
}
