using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Api.Requests;
using Actors.Contracts.Interop.Sandbox;
using Actors.Contracts.Naming;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Sandbox;

/// <summary>
/// Development only: the outboxes of the sandboxes that stand in for outside systems, for a developer or a test
/// to see what was "sent". Not in the schema in any other environment, so not in schema.graphql (printed from a
/// Production host) nor in the released contract.
/// </summary>
public static class SandboxQueries
{
    public const int DefaultFirst = 20;
    public const int MaxFirst = 50;

    public static void AddSandboxQueries(this ObjectGraphType query, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            return;
        }

        // A plain list, newest first, not a connection: a window on the latest messages of a development tool,
        // read to check one request's messages; it pages nothing and promises no order beyond "newest first".
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SandboxNotificationType>>>>("sandboxNotifications")
            .Description($"Development only: the latest messages the notifications sandbox accepted, newest first (at most {MaxFirst}). "
                         + "Any signed-in caller may read them: the sandbox sends nothing to anyone.")
            .Argument<IdGraphType>("requestId", "Only the messages about this CitizenRequest.")
            .Argument<StringGraphType>("recipient", "Only the messages whose recipient contains this text (case-insensitive).")
            .Argument<IntGraphType>("first", $"How many, 1 to {MaxFirst}; {DefaultFirst} by default.")
            .ResolveAsync(async ctx =>
            {
                ctx.RequireActor();
                var first = ctx.GetArgument("first", DefaultFirst);
                if (first is < 1 or > MaxFirst)
                {
                    throw ApiErrors.BadInput($"first is 1 to {MaxFirst}.", "first");
                }

                Guid? requestId = null;
                if (ctx.GetArgument<string?>("requestId") is { } id)
                {
                    requestId = GlobalId.TryDecode(id, out var typeName, out var key) && typeName == CitizenRequestType.TypeName
                                && Guid.TryParseExact(key, "N", out var guid)
                        ? guid
                        : throw ApiErrors.BadInput("requestId is the id of a CitizenRequest.", "requestId");
                }

                var recipient = ctx.GetArgument<string?>("recipient")?.Trim();
                return await ctx.Service<IGrainFactory>()
                    .Reference<ISandboxNotificationOutboxGrain>(ISandboxNotificationOutboxGrain.Key)
                    .List(string.IsNullOrEmpty(recipient) ? null : recipient, requestId, first);
            });
    }
}
