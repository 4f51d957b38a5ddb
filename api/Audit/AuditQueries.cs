using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Audit;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Audit;

public static class AuditQueries
{
    public static void AddAuditQueries(this ObjectGraphType query)
    {
        PageArguments.AddTo(query.Field<NonNullGraphType<ConnectionType<AuditEntryType, AuditEntry>>>("auditTrail"))
            .Description("The audit trail, newest first: every mutation and every read of personal data. OPERATOR: all of it; SUPERVISOR: the "
                         + "entries about their governorate's requests and centers; others FORBIDDEN. " + PageArguments.Documentation)
            .Argument<AuditWhereInputType>("where")
            .ResolveAsync(async ctx =>
            {
                var filter = AuditAccess.Scoped(ctx.RequireActor(), ctx.GetArgument<AuditWhere?>("where") ?? new AuditWhere());
                var page = PageArguments.Read(ctx);
                return await ConnectionResolver.FromIndexAsync(
                    page, ctx.Service<IAuditTrail>(), filter, AuditOrder.Default, "auditTrail/Sequence/DESC",
                    entries => Task.FromResult<IReadOnlyList<AuditEntry?>>(entries.ToList()), ctx);
            });
    }
}
