using Actors.Api.GraphQL;
using Actors.Contracts.Audit;
using GraphQL.Types;

namespace Actors.Api.Audit;

public sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Description = "One entry of the audit trail: who did what to which objects, when, from where, with what outcome. "
                      + "Identifiers only, never personal values. Entries are never changed: each carries the hash of the one before.";
        Field<NonNullGraphType<LongGraphType>>("sequence").Description("The place in the chain: 1, 2, 3... without gaps.").Resolve(ctx => ctx.Source.Sequence);
        Field<NonNullGraphType<DateTimeScalar>>("at").Resolve(ctx => ctx.Source.Record.At);
        Field<NonNullGraphType<StringGraphType>>("issuer").Description("The token's issuer; empty for an anonymous caller.").Resolve(ctx => ctx.Source.Record.Issuer);
        Field<NonNullGraphType<StringGraphType>>("subject").Description("The token's subject; empty for an anonymous caller.").Resolve(ctx => ctx.Source.Record.Subject);
        Field<NonNullGraphType<StringGraphType>>("role").Description("The caller's role as the schema spells it (ANONYMOUS without a token).").Resolve(ctx => ctx.Source.Record.Role);
        Field<NonNullGraphType<AuditKindType>>("kind").Resolve(ctx => ctx.Source.Record.Kind);
        Field<NonNullGraphType<StringGraphType>>("operation")
            .Description("The mutation or root query field (e.g. submitIdCardRequest, request), or the HTTP endpoint (e.g. GET /documents/{number}.pdf).")
            .Resolve(ctx => ctx.Source.Record.Operation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("objectIds")
            .Description("The objects touched: global ids, request references or document numbers, as met.").Resolve(ctx => ctx.Source.Record.ObjectIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("governorates")
            .Description("The governorates of the objects touched, when known.").Resolve(ctx => ctx.Source.Record.Governorates);
        Field<StringGraphType>("clientAddressHash").Description("A keyed hash of the client's address, never the address.").Resolve(ctx => ctx.Source.Record.ClientAddressHash);
        Field<NonNullGraphType<StringGraphType>>("outcome").Description("OK, or the refusal's or error's code.").Resolve(ctx => ctx.Source.Record.Outcome);
        Field<NonNullGraphType<StringGraphType>>("previousHash").Description("The hash of the entry before (64 zeros for the first).").Resolve(ctx => ctx.Source.PreviousHash);
        Field<NonNullGraphType<StringGraphType>>("hash").Description("SHA-256 of this entry and previousHash, hexadecimal.").Resolve(ctx => ctx.Source.Hash);
    }
}
