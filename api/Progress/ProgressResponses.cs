using System.Text.Json;
using Actors.Api.GraphQL;
using Actors.Api.Transport;
using GraphQL;
using GraphQLParser.AST;

namespace Actors.Api.Progress;

/// <summary>
/// Whole progress responses, rendered once and shared for <see cref="ProgressOptions.AnswerFreshness"/> by every caller
/// who sends the same operation with the same variables from the same scope. <see cref="ProgressAnswers"/> spares the
/// read model; this spares the API: an answer of a few hundred groups is a few thousand GraphQL fields to execute and
/// print (~25 ms of CPU on two cores at a million requests), the same for every analyst who watches the same dashboard.
/// <para>
/// Shared only over HTTP, only for a query whose root fields are all <c>progress</c>, from a role that reads progress
/// (its scope is its role, governorate and center: nothing under <c>progress</c> depends on who else the caller is),
/// in the caller's language, and only when the response has no error and read no personal field. A document that asks
/// <c>projectionLagSeconds</c> is never shared: that figure is measured at the moment of the question. As with the
/// answers, one caller renders an aged response again while the others keep getting it, up to
/// <see cref="ProgressAnswers.StaleLimit"/> times the freshness; <c>asOf</c> tells how old it is.
/// </para>
/// </summary>
public sealed class ProgressResponses(ProgressOptions options, TimeProvider? realTime = null)
{
    /// <summary>Responses kept at most; beyond, those past the stale limit go first, and a new one is not kept if none has.</summary>
    public const int MaxResponses = 256;

    private const string ProgressField = "progress";
    private const string LagField = "projectionLagSeconds";

    private readonly Dictionary<string, Rendering> _responses = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time = realTime ?? TimeProvider.System;

    /// <summary>
    /// The key under which this operation's response is shared, or null when it must be executed for this caller alone
    /// (sharing off, not a progress query, a lag asked for, a caller who does not read progress).
    /// </summary>
    public string? KeyOf(GraphQLDocument document, string? operationName, string? text, Inputs? variables, GraphQLUserContext caller)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(caller);
        if (options.AnswerFreshness <= TimeSpan.Zero || text is null
            || caller.Actor is not { } actor || !ProgressReport.Readers.Contains(actor.Role)
            || HttpOperationTypeRule.Selected(document, operationName) is not { Operation: OperationType.Query } operation
            || !operation.SelectionSet.Selections.All(s => s is GraphQLField { Name.StringValue: ProgressField or "__typename" })
            || document.Definitions.Any(d => d switch
            {
                GraphQLOperationDefinition defined => Asks(defined.SelectionSet, LagField),
                GraphQLFragmentDefinition fragment => Asks(fragment.SelectionSet, LagField),
                _ => false,
            }))
        {
            return null;
        }

        string printedVariables;
        try
        {
            printedVariables = variables is null ? "" : JsonSerializer.Serialize(variables);
        }
        catch (NotSupportedException)
        {
            return null;
        }

        return string.Join('\u001f', actor.Role, actor.Governorate, actor.CenterId, caller.Language, operationName, printedVariables, text);
    }

    /// <summary>
    /// The response to serve for <paramref name="key"/>, or null when this caller is to execute the operation and hand
    /// the result to <see cref="Keep"/> (or <see cref="Abandon"/>): nothing yet, or an aged response nobody is rendering.
    /// </summary>
    public byte[]? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (!_responses.TryGetValue(key, out var rendering))
            {
                if (_responses.Count >= MaxResponses && !ForgetAged(now))
                {
                    return null;
                }

                _responses[key] = new Rendering { InProgress = true };
                return null;
            }

            var age = _time.GetElapsedTime(rendering.RenderedAt, now);
            if (rendering.Body is { } body && age < options.AnswerFreshness)
            {
                return body;
            }

            if (rendering.InProgress)
            {
                return rendering.Body is { } aged && age < options.AnswerFreshness * ProgressAnswers.StaleLimit ? aged : null;
            }

            rendering.InProgress = true;
            return null;
        }
    }

    /// <summary>The rendered response of <paramref name="key"/>, shared from now on.</summary>
    public void Keep(string key, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(body);
        lock (_lock)
        {
            if (_responses.TryGetValue(key, out var rendering))
            {
                (rendering.Body, rendering.RenderedAt, rendering.InProgress) = (body, _time.GetTimestamp(), false);
            }
        }
    }

    /// <summary>The caller that was to render <paramref name="key"/> has nothing to share (an error, a personal field read).</summary>
    public void Abandon(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            if (_responses.TryGetValue(key, out var rendering))
            {
                rendering.InProgress = false;
                if (rendering.Body is null)
                {
                    _responses.Remove(key);
                }
            }
        }
    }

    /// <summary>Whether a selection set asks for a field of that name, at any depth (fragments are walked as definitions).</summary>
    private static bool Asks(GraphQLSelectionSet set, string name) =>
        set.Selections.Any(selection => selection switch
        {
            GraphQLField field => field.Name.StringValue == name || (field.SelectionSet is { } inner && Asks(inner, name)),
            GraphQLInlineFragment inline => Asks(inline.SelectionSet, name),
            _ => false,
        });

    /// <summary>Drops the responses past the stale limit that nobody renders (under the lock); whether room was made.</summary>
    private bool ForgetAged(long now)
    {
        foreach (var (key, rendering) in _responses.ToList())
        {
            if (!rendering.InProgress && _time.GetElapsedTime(rendering.RenderedAt, now) >= options.AnswerFreshness * ProgressAnswers.StaleLimit)
            {
                _responses.Remove(key);
            }
        }

        return _responses.Count < MaxResponses;
    }

    /// <summary>One operation's latest rendered response, and whether a caller is rendering the next.</summary>
    private sealed class Rendering
    {
        public byte[]? Body { get; set; }

        public long RenderedAt { get; set; }

        public bool InProgress { get; set; }
    }
}
