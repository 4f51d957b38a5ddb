using GraphQL.Types;

namespace Actors.Api.Scheduling;

public sealed class SetCenterDesksInputType : InputObjectGraphType<SetCenterDesksInput>
{
    public SetCenterDesksInputType()
    {
        Name = "SetCenterDesksInput";
        Description = "The center's open desks per category and appointment length per service; both lists replace the old ones (a category not listed has 0 desks, a service not listed takes 15 minutes).";
        Field<NonNullGraphType<IdGraphType>>("centerId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryDesksInputType>>>>("desks");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceSlotLengthInputType>>>>("slotLengths");
    }
}
