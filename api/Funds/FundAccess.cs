using Actors.Api.Authorization;
using Actors.Api.GraphQL;
using GraphQL;

namespace Actors.Api.Funds;

/// <summary>Who may read the fund: the authorization matrix's row for fund(year:).</summary>
public static class FundAccess
{
    private static readonly AccessRule Readers = AuthorizationMatrix.For("Query.fund");

    /// <summary>For node(id:): a caller who may not read the fund sees nothing, as if it did not exist.</summary>
    public static bool MayRead(this IResolveFieldContext context) => Readers.For(context.Actor()) != AccessScope.None;
}
