using Actors.Api.GraphQL;
using GraphQL.Types;

namespace Actors.Api.Audit;

public sealed class AuditWhereInputType : InputObjectGraphType<AuditWhere>
{
    public AuditWhereInputType()
    {
        Name = "AuditWhereInput";
        Description = "All conditions are combined with AND. The caller's scope always applies on top.";
        Field<StringGraphType>("objectId").Description("Entries that touched this object (a global id, request reference or document number), compared exactly.");
        Field<StringGraphType>("subject").Description("Entries of this caller's subject.");
        Field<StringGraphType>("operation").Description("Entries of this operation, e.g. submitIdCardRequest.");
        Field<DateTimeScalar>("from").Description("Inclusive.");
        Field<DateTimeScalar>("to").Description("Exclusive; after from.");
    }
}
