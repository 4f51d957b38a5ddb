using Actors.Contracts.Centers;
using GraphQL.Types;

namespace Actors.Api.Centers;

public sealed class ServiceCategoryType : EnumerationGraphType<ServiceCategory>
{
    public ServiceCategoryType() => Name = "ServiceCategory";
}
