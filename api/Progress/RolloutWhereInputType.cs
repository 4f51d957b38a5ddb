using Actors.Api.Geography;
using GraphQL.Types;

namespace Actors.Api.Progress;

public sealed class RolloutWhereInputType : InputObjectGraphType<RolloutWhere>
{
    public RolloutWhereInputType()
    {
        Name = "RolloutWhereInput";
        Description = "The caller's scope always applies on top.";
        Field<GovernorateCodeType>("governorate").Description("Only the centers of this governorate.");
    }
}
