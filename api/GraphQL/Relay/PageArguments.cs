using Actors.Api.GraphQL.Errors;
using Actors.Contracts.ReadModels;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Actors.Api.GraphQL.Relay;

/// <summary>Validated Relay paging arguments: first/after or last/before, page size 0..MaxPageSize.</summary>
public sealed record PageArguments(int? First, string? After, int? Last, string? Before)
{
    public const int MaxPageSize = 50;
    public const int DefaultPageSize = 20;

    public static string Documentation =>
        $"Relay paging: first/after or last/before. Page size at most {MaxPageSize} (default {DefaultPageSize}); more is a BAD_USER_INPUT error, not a silent cut.";

    public static FieldBuilder<TSource, object> AddTo<TSource>(FieldBuilder<TSource, object> field) => field
        .Argument<IntGraphType>("first", $"Up to {MaxPageSize} items after the cursor `after`.")
        .Argument<StringGraphType>("after", "Cursor of the item to start after.")
        .Argument<IntGraphType>("last", $"Up to {MaxPageSize} items before the cursor `before`.")
        .Argument<StringGraphType>("before", "Cursor of the item to end before.");

    public static PageArguments Read(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        var after = context.GetArgument<string?>("after");
        var before = context.GetArgument<string?>("before");
        if (KeysetRead.Problem(first, last, MaxPageSize) is { } problem)
        {
            throw ApiErrors.BadInput(problem.Message, problem.Argument);
        }

        if (after is not null && last is not null || before is not null && first is not null)
        {
            throw ApiErrors.BadInput("after goes with first, before goes with last.", after is not null ? "after" : "before");
        }

        return last is null && before is null
            ? new PageArguments(first ?? DefaultPageSize, after, null, null)
            : new PageArguments(null, null, last ?? DefaultPageSize, before);
    }
}
