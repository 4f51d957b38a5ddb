using System.Threading.RateLimiting;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Actors.Api.Security;

/// <summary>
/// The smaller budget of expensive GraphQL operations, per client address and per identity, over both transports.
/// It is drawn on after the request gate has parsed and bounded the document, so classifying costs one more walk of
/// a document already known to be small: an operation is expensive when it reads a report
/// (<see cref="ReportFields"/>) or its static cost reaches <see cref="RateLimitingOptions.ExpensiveCost"/>.
/// </summary>
public sealed class RateLimitingExpensiveOperations : IDisposable
{
    /// <summary>Root fields that aggregate over every request or allocation in scope.</summary>
    public static readonly IReadOnlySet<string> ReportFields = new HashSet<string>(StringComparer.Ordinal) { "progress", "fundUse" };

    private readonly RateLimitingOptions options;
    private readonly GraphQLLimitsOptions limits;
    private readonly PartitionedRateLimiter<GraphQLUserContext> limiter;

    public RateLimitingExpensiveOperations(IOptions<RateLimitingOptions> options, IOptions<GraphQLLimitsOptions> limits)
    {
        this.options = options.Value;
        this.limits = limits.Value;
        limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<GraphQLUserContext, string>(caller => RateLimitPartition.GetFixedWindowLimiter(
                "expensive:" + RateLimitingPartitions.AddressKey(RateLimitingPartitions.GraphQL, caller.ClientAddress),
                _ => RateLimitingExtensions.Window(this.options.ExpensivePerAddress, this.options.Window))),
            PartitionedRateLimiter.Create<GraphQLUserContext, string>(caller => RateLimitingPartitions.IdentityKey(caller) is { } identity
                ? RateLimitPartition.GetFixedWindowLimiter("expensive:" + identity, _ => RateLimitingExtensions.Window(this.options.ExpensivePerIdentity, this.options.Window))
                : RateLimitPartition.GetNoLimiter(string.Empty)));
    }

    /// <summary>True when the operation that would run is expensive.</summary>
    public bool IsExpensive(ISchema schema, GraphQLDocument document, string? operationName, Inputs? variables) =>
        OperationCost.Of(schema, document, operationName, limits, variables).Cost >= options.ExpensiveCost || ReadsReport(document, operationName);

    /// <summary>Null when the caller may run this operation now; else the RATE_LIMITED refusal, with when to try again.</summary>
    public ExecutionError? TryAcquire(GraphQLUserContext caller, ISchema schema, GraphQLDocument document, string? operationName, Inputs? variables)
    {
        if (!IsExpensive(schema, document, operationName, variables))
        {
            return null;
        }

        // A fixed window's permit is spent once taken: disposing the lease gives nothing back, as intended.
        using var lease = limiter.AttemptAcquire(caller);
        if (lease.IsAcquired)
        {
            return null;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Window;
        return ApiErrors.RateLimited(
            "Too many expensive operations (reports, long lists) from this address or this account.", TimeSpan.FromSeconds(RateLimitingRefusal.Seconds(wait)));
    }

    public void Dispose() => limiter.Dispose();

    private static bool ReadsReport(GraphQLDocument document, string? operationName)
    {
        Dictionary<string, GraphQLFragmentDefinition>? fragments = null;
        HashSet<string>? visited = null;
        foreach (var operation in OperationsToRun.Of(document, operationName))
        {
            if (operation.Operation == OperationType.Query && Selects(document, operation.SelectionSet, ref fragments, ref visited))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Root fields only, through fragments; each fragment is looked at once. The fragments are indexed when the first
    /// spread is met: most operations have none.
    /// </summary>
    private static bool Selects(
        GraphQLDocument document, GraphQLSelectionSet? set, ref Dictionary<string, GraphQLFragmentDefinition>? fragments, ref HashSet<string>? visited)
    {
        foreach (var selection in set?.Selections ?? [])
        {
            bool found;
            switch (selection)
            {
                case GraphQLField field:
                    found = ReportFields.Contains(field.Name.StringValue);
                    break;
                case GraphQLInlineFragment inline:
                    found = Selects(document, inline.SelectionSet, ref fragments, ref visited);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    fragments ??= document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                    visited ??= new HashSet<string>(StringComparer.Ordinal);
                    found = visited.Add(name) && fragments.TryGetValue(name, out var fragment)
                        && Selects(document, fragment.SelectionSet, ref fragments, ref visited);
                    break;
                default:
                    found = false;
                    break;
            }

            if (found)
            {
                return true;
            }
        }

        return false;
    }
}
