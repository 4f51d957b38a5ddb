using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Idempotency;
using Actors.Contracts.Funds;
using Actors.Contracts.Naming;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Funds;

/// <summary>
/// The fund's mutations, one per step, all for FUND_MANAGER (importMunicipalities also for OPERATOR).
/// Mutations naming a year answer FUND_NOT_FOUND (a payload error) for a year without a fund;
/// an allocation or amendment id that does not exist is a NOT_FOUND GraphQL error.
/// </summary>
public static class FundMutations
{
    public static void AddFundMutations(this ObjectGraphType mutation, DomainErrorTypes errors)
    {
        mutation.AddMutation(errors, FundOperations.AllocateFunds.Name,
            "Proposes an allocation from a programme to a municipality (FUND_MANAGER). It is PROPOSED and reserves its amount at once. Idempotent with idempotencyKey.",
            new AllocateFundsInputType(), "allocation", AllocationType.TypeName, FundOperations.AllocateFunds.Refusals,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<AllocateFundsInput>("input");
                var proposal = new AllocationProposal(
                    input.Programme,
                    InputText.Required(input.MunicipalityCode, "input.municipalityCode", 32).ToUpperInvariant(),
                    FundAmounts.Millimes(input.AmountMillimes, input.AmountDinars, "input"),
                    Reason(input.Reason),
                    IdempotencyKey(input.IdempotencyKey));
                ctx.Service<FundLookup>().Forget(input.Year);
                return await Fund(ctx, input.Year).Allocate(actor, proposal);
            });

        AddStep(mutation, errors, AllocationAction.Approve,
            "PROPOSED → APPROVED (FUND_MANAGER other than the proposer): the reserved amount becomes allocated.");
        AddStep(mutation, errors, AllocationAction.Commit,
            "APPROVED → COMMITTED (FUND_MANAGER): the agreement with the municipality is signed; tranches may be disbursed.");
        AddStep(mutation, errors, AllocationAction.Close,
            "DISBURSED → CLOSED (FUND_MANAGER).");
        AddStep(mutation, errors, AllocationAction.Cancel,
            "PROPOSED / APPROVED / COMMITTED / PARTIALLY_DISBURSED → CANCELLED (FUND_MANAGER, with a reason): the undisbursed amount goes back to the programme.");

        mutation.AddMutation(errors, FundOperations.DisburseAllocation.Name,
            "Pays one tranche of a COMMITTED or PARTIALLY_DISBURSED allocation (FUND_MANAGER): PARTIALLY_DISBURSED, or DISBURSED with the last millime. Idempotent with idempotencyKey.",
            new DisburseAllocationInputType(), "allocation", AllocationType.TypeName, FundOperations.DisburseAllocation.Refusals,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<DisburseAllocationInput>("input");
                var (year, id) = FundIds.Decode(input.AllocationId, AllocationType.TypeName, "input.allocationId");
                var order = new DisbursementOrder(id, FundAmounts.Millimes(input.AmountMillimes, input.AmountDinars, "input"),
                    Reason(input.Reason), IdempotencyKey(input.IdempotencyKey));
                ctx.Service<FundLookup>().Forget(year);
                return await Fund(ctx, year).Disburse(actor, order);
            });

        mutation.AddMutation(errors, FundOperations.ProposeAmendment.Name,
            "Proposes an audited change of appropriations (FUND_MANAGER), e.g. programming part of the unprogrammed remainder. Applied only when another fund manager approves it. Idempotent with idempotencyKey.",
            new ProposeAmendmentInputType(), "amendment", FundAmendmentType.TypeName, FundOperations.ProposeAmendment.Refusals,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<ProposeAmendmentInput>("input");
                var proposal = new AmendmentProposal(input.FromProgramme, input.ToProgramme,
                    FundAmounts.Millimes(input.AmountMillimes, input.AmountDinars, "input"),
                    Reason(input.Reason), IdempotencyKey(input.IdempotencyKey));
                ctx.Service<FundLookup>().Forget(input.Year);
                return await Fund(ctx, input.Year).ProposeAmendment(actor, proposal);
            });

        AddDecision(mutation, errors, AmendmentAction.Approve,
            "PROPOSED → APPROVED (FUND_MANAGER other than the proposer): the appropriations move; appropriation = programmed + unprogrammed still holds.");
        AddDecision(mutation, errors, AmendmentAction.Reject,
            "PROPOSED → REJECTED (FUND_MANAGER, with a reason; the proposer may withdraw their own).");

        mutation.AddMutation(errors, FundOperations.ImportMunicipalities.Name,
            "Imports municipalities from a CSV (FUND_MANAGER, OPERATOR): upserts by code, reports bad rows by line, applies the good ones.",
            new ImportMunicipalitiesInputType(), "result", MunicipalityImportResultType.TypeName, FundOperations.ImportMunicipalities.Refusals,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<ImportMunicipalitiesInput>("input");
                var (rows, unreadable) = MunicipalityCsv.Parse(input.Csv);
                var source = InputText.Optional(input.Source, "input.source", 200) ?? "importMunicipalities";
                var result = await ctx.Service<IGrainFactory>().Reference<IMunicipalityRegistryGrain>(IMunicipalityRegistryGrain.Key)
                    .Import(actor, rows, source);
                ctx.Service<FundLookup>().ForgetMunicipalities();
                return result with { Rejected = [.. unreadable.Concat(result.Rejected).OrderBy(r => r.Line)] };
            });
    }

    private static void AddStep(ObjectGraphType mutation, DomainErrorTypes errors, AllocationAction action, string description)
    {
        var operation = FundOperations.For(action);
        var transition = AllocationTransitions.For(action);
        var inputName = char.ToUpperInvariant(operation.Name[0]) + operation.Name[1..] + "Input";
        mutation.AddMutation(errors, operation.Name, description, new AllocationStepInputType(inputName, transition.ReasonRequired),
            "allocation", AllocationType.TypeName, operation.Refusals,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<AllocationStepInput>("input");
                var (year, id) = FundIds.Decode(input.AllocationId, AllocationType.TypeName, "input.allocationId");
                ctx.Service<FundLookup>().Forget(year);
                return await Fund(ctx, year).Perform(actor, new AllocationCommand(id, action, Reason(input.Reason)));
            });
    }

    private static void AddDecision(ObjectGraphType mutation, DomainErrorTypes errors, AmendmentAction action, string description)
    {
        var operation = FundOperations.For(action);
        var transition = AmendmentTransitions.For(action);
        var inputName = char.ToUpperInvariant(operation.Name[0]) + operation.Name[1..] + "Input";
        mutation.AddMutation(errors, operation.Name, description, new AmendmentDecisionInputType(inputName, transition.ReasonRequired),
            "amendment", FundAmendmentType.TypeName, operation.Refusals,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<AmendmentDecisionInput>("input");
                var (year, id) = FundIds.Decode(input.AmendmentId, FundAmendmentType.TypeName, "input.amendmentId");
                ctx.Service<FundLookup>().Forget(year);
                return await Fund(ctx, year).DecideAmendment(actor, new AmendmentDecision(id, action == AmendmentAction.Approve, Reason(input.Reason)));
            });
    }

    private static IFundGrain Fund(IResolveFieldContext ctx, int year) => ctx.Service<IGrainFactory>().Reference<IFundGrain>(year);

    /// <summary>The reason normalised; its length is the grain's rule (DomainLimits.MaxReasonLength), not checked here.</summary>
    private static string? Reason(string? reason) => InputText.Optional(reason, "input.reason", int.MaxValue);

    /// <summary>The key's format is <see cref="IdempotencyPolicy"/>'s, the same the grains apply.</summary>
    private static string? IdempotencyKey(string? key) =>
        key is null || IdempotencyPolicy.IsWellFormed(key)
            ? key
            : throw ApiErrors.BadInput($"idempotencyKey is {IdempotencyPolicy.KeyFormat}.", "input.idempotencyKey");
}
