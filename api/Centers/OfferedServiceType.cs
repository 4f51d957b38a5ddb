using Actors.Contracts.Centers;
using GraphQL.Types;

namespace Actors.Api.Centers;

/// <summary>A service a center offers, with its category (administrative or judicial, kept apart).</summary>
public sealed class OfferedServiceType : ObjectGraphType<CenterService>
{
    public OfferedServiceType()
    {
        Name = "OfferedService";
        Field<NonNullGraphType<CenterServiceType>>("service").Resolve(ctx => ctx.Source);
        Field<NonNullGraphType<ServiceCategoryType>>("category").Resolve(ctx => CenterServices.CategoryOf(ctx.Source));
    }
}
