using Actors.Contracts.Requests.Index;
using GraphQL.Types;

namespace Actors.Api.Progress;

public sealed class ProgressDimensionType : EnumerationGraphType<RequestDimension>
{
    public ProgressDimensionType()
    {
        Name = "ProgressDimension";
        Description = "What progress counts are grouped by. SUBMITTED_DAY is the day in Africa/Tunis.";
    }
}
