using Actors.Api.GraphQL;
using Actors.Contracts.Identity;
using GraphQL;

namespace Actors.Api.Funds;

/// <summary>Who may read the fund (fund managers, analysts, operators) and who may change it (fund managers).</summary>
public static class FundAccess
{
    public static readonly ActorRole[] Readers = [ActorRole.FundManager, ActorRole.Analyst, ActorRole.Operator];

    public static Actor RequireReader(this IResolveFieldContext context) => context.RequireRole(Readers);

    public static Actor RequireFundManager(this IResolveFieldContext context) => context.RequireRole(ActorRole.FundManager);

    /// <summary>For node(id:): a caller who may not read the fund sees nothing, as if it did not exist.</summary>
    public static bool MayRead(this IResolveFieldContext context) => context.Actor() is { } actor && Readers.Contains(actor.Role);
}
