using Actors.Contracts.Requests.Index;
using GraphQL.Types;

namespace Actors.Api.Progress;

public sealed class ProgressDimensionType : EnumerationGraphType<RequestDimension>
{
    public ProgressDimensionType()
    {
        Name = "ProgressDimension";
        Description = "What progress counts are grouped by. SUBMITTED_DAY (yyyy-MM-dd) and SUBMITTED_MONTH (yyyy-MM) are in Africa/Tunis; SCHOOL is a pupil's school code (requests that are not a pupil's form one group with a null schoolCode).";
    }
}
