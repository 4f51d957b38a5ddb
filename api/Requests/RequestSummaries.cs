using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Index;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;

namespace Actors.Api.Requests;

/// <summary>
/// A page of requests that asks only for what the index's own columns hold (id, reference, kind, status, dates,
/// version, center, governorate) is served from those columns: each row's document — the whole request,
/// history and personal data included, a few kilobytes of JSON — is then neither read from PostgreSQL nor parsed.
/// Anything else in the node's selection (through fragments too) reads the documents, as before.
/// </summary>
public static class RequestSummaries
{
    /// <summary>
    /// The <c>CitizenRequest</c> fields an index row answers exactly as the request's document would. Not the deadlines
    /// (dueAt, overdueSince, escalatedAt): the index keeps their instants, the document also the offset they were
    /// written with, and a client would see the same instant spelt another way.
    /// </summary>
    private static readonly HashSet<string> Covered = new(StringComparer.Ordinal)
    {
        "__typename", "id", "reference", "kind", "status", "isFinal", "submittedAt", "updatedAt", "version", "center",
        "governorate", "fee",
    };

    /// <summary>Whether the connection field being resolved selects, in its nodes, only fields an index row answers.</summary>
    public static bool Suffice(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.FieldAst.SelectionSet is not { } connection || OnlyCovered(context.Document, connection, depth: 0, Level.Connection);
    }

    /// <summary>The request as its index row knows it: what <see cref="Covered"/> fields read, nothing personal.</summary>
    public static CitizenRequestView ViewOf(RequestIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new CitizenRequestView(
            entry.Id, entry.Reference, entry.Kind, entry.Status, entry.SubmittedAt, entry.UpdatedAt, entry.CenterId, entry.Governorate,
            entry.OwnerSubject, Applicant: null, IdCardReason: null, Pupil: null, Guardian: null, Contact: null, Purpose: null,
            Payment: null, Appointment: null, DeliveryChannel: null, DocumentCode: null, entry.Version, History: [],
            DueAt: entry.DueAt, OverdueSince: entry.OverdueSince, EscalatedAt: entry.EscalatedAt,
            OwnerIssuer: entry.OwnerIssuer, OwnerNationalIdNumber: entry.OwnerNationalIdNumber);
    }

    /// <summary>
    /// Walks the connection's selection: <c>nodes { … }</c> and <c>edges { node { … } }</c> are the request's fields;
    /// the connection's and the edges' own (totalCount, pageInfo, cursor, asOf) need no document.
    /// </summary>
    private static bool OnlyCovered(GraphQLDocument document, GraphQLSelectionSet set, int depth, Level level)
    {
        // Fragments nest; a document deep enough to matter was refused by the request gate already.
        if (depth > 16)
        {
            return false;
        }

        foreach (var selection in set.Selections)
        {
            var fine = selection switch
            {
                GraphQLField field when level == Level.Node => Covered.Contains(field.Name.StringValue),
                GraphQLField { SelectionSet: { } inner } field when Inside(level, field.Name.StringValue) is { } next =>
                    OnlyCovered(document, inner, depth + 1, next),
                GraphQLField => true,
                GraphQLInlineFragment inline => OnlyCovered(document, inline.SelectionSet, depth + 1, level),
                GraphQLFragmentSpread spread => document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } fragment
                    && OnlyCovered(document, fragment.SelectionSet, depth + 1, level),
                _ => false,
            };
            if (!fine)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The level a field's selection is at: the connection's nodes or edges, an edge's node; null for any other.</summary>
    private static Level? Inside(Level level, string field) => (level, field) switch
    {
        (Level.Connection, "nodes") => Level.Node,
        (Level.Connection, "edges") => Level.Edge,
        (Level.Edge, "node") => Level.Node,
        _ => null,
    };

    private enum Level
    {
        Connection,
        Edge,
        Node,
    }
}
