using Actors.Api.Centers;
using Actors.Contracts.Scheduling;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class CategoryDesksType : ObjectGraphType<CategoryDesks>
{
    public CategoryDesksType()
    {
        Name = "CategoryDesks";
        Description = "Open desks of one category: each slot of a service of that category takes as many people.";
        Field<NonNullGraphType<ServiceCategoryType>>("category").Resolve(ctx => ctx.Source.Category);
        Field<NonNullGraphType<IntGraphType>>("desks").Resolve(ctx => ctx.Source.Desks);
    }
}
