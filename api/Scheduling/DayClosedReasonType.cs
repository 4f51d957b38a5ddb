using Actors.Contracts.Scheduling;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class DayClosedReasonType : EnumerationGraphType<DayClosedReason>
{
    public DayClosedReasonType()
    {
        Name = "DayClosedReason";
        Description = "Why a center does not open on a day: HOLIDAY (national), CLOSURE (the center's own), WEEKLY (no session that weekday).";
    }
}
