using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Actors.Api.Transport;

/// <summary>
/// Documents that have passed the request gate's text checks (length, tokens, parse, counts as written) and GraphQL for
/// .NET's validation, kept by their exact text, so that a client sending the same operation again is neither lexed,
/// parsed nor validated again. Only what depends on the text alone is skipped: the gate's checks of the operation, its
/// variables and the caller (introspection, depth, cost against the caller's budget), the transport's own rule, the
/// coercion of the variables and the authorization of every field still run on every request.
/// Bounded by the total length of the texts kept; when full it starts again empty, so that a client sending ever new
/// texts costs each request what it would cost without the cache, and never more memory.
/// </summary>
public sealed class ValidatedDocuments(IOptions<ValidatedDocumentsOptions> options)
{
    private readonly int _budget = options.Value.MaxCharacters;
    private readonly ConcurrentDictionary<string, GraphQLDocument> _byText = new(StringComparer.Ordinal);

    // Registered operations (api/TrustedDocuments) are parsed once at startup; they are only marked as validated.
    private readonly ConditionalWeakTable<GraphQLDocument, object> _validated = new();
    private long _characters;
    private long _hits;
    private long _misses;

    /// <summary>Requests answered from a kept document.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Requests whose document had to be parsed (or validated) because it was not kept.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    public bool Enabled => _budget > 0;

    /// <summary>The validated document of exactly this text, or null.</summary>
    public GraphQLDocument? Find(string query)
    {
        if (Enabled && _byText.TryGetValue(query, out var document))
        {
            Interlocked.Increment(ref _hits);
            return document;
        }

        Interlocked.Increment(ref _misses);
        return null;
    }

    /// <summary>Whether a registered operation's document has been validated already.</summary>
    public bool IsValidated(GraphQLDocument document)
    {
        var validated = Enabled && _validated.TryGetValue(document, out _);
        Interlocked.Increment(ref validated ? ref _hits : ref _misses);
        return validated;
    }

    /// <summary>Keeps a document that GraphQL for .NET has just validated (its execution began).</summary>
    public void Remember(string? query, GraphQLDocument document, bool registered)
    {
        if (!Enabled)
        {
            return;
        }

        if (registered)
        {
            _validated.AddOrUpdate(document, document);
            return;
        }

        if (query is null || query.Length > _budget)
        {
            return;
        }

        if (Interlocked.Add(ref _characters, query.Length) > _budget)
        {
            // Full: start again rather than track recency on every hit.
            _byText.Clear();
            Interlocked.Exchange(ref _characters, query.Length);
        }

        _byText.TryAdd(query, document);
    }
}
