using Actors.Api.Centers;
using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class CategoryDesksInputType : InputObjectGraphType<CategoryDesksInput>
{
    public CategoryDesksInputType()
    {
        Name = "CategoryDesksInput";
        Description = "Open desks of one category, 0 to 200; 0 for a category the center's kind does not serve.";
        Field<NonNullGraphType<ServiceCategoryType>>("category");
        Field<NonNullGraphType<IntGraphType>>("desks");
    }
}
