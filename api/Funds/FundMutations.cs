using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Contracts.Errors;
using Actors.Contracts.Funds;
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

        string[] step = [ErrorCodes.InvalidTransition, ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed];

        mutation.AddMutation(errors, "allocateFunds",
            "Proposes an allocation from a programme to a municipality (FUND_MANAGER). It is PROPOSED and reserves its amount at once. Idempotent with idempotencyKey.",
            new AllocateFundsInputType(), "allocation", AllocationType.TypeName,
            [ErrorCodes.FundNotFound, ErrorCodes.ProgrammeNotFound, ErrorCodes.MunicipalityNotFound, ErrorCodes.NotANewMunicipality,
             ErrorCodes.AppropriationExceeded, ErrorCodes.IdempotencyKeyReused, ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed],
            async ctx =>
            {
                var actor = ctx.RequireFundManager();
                var input = ctx.GetArgument<AllocateFundsInput>("input");
                var proposal = new AllocationProposal(
                    input.Programme,
                    InputText.Required(input.MunicipalityCode, "input.municipalityCode", 32).ToUpperInvariant(),
                    FundAmounts.Millimes(input.AmountMillimes, input.AmountDinars, "input"),
                    InputText.Optional(input.Reason, "input.reason", 500),
                    IdempotencyKey(input.IdempotencyKey));
                ctx.Service<FundLookup>().Forget(input.Year);
                return await Fund(ctx, input.Year).Allocate(actor, proposal);
            });

        AddStep(mutation, errors, "approveAllocation", AllocationAction.Approve,
            "PROPOSED → APPROVED (FUND_MANAGER other than the proposer): the reserved amount becomes allocated.",
            [.. step, ErrorCodes.SegregationOfDuties, ErrorCodes.NotANewMunicipality, ErrorCodes.MunicipalityNotFound]);
        AddStep(mutation, errors, "commitAllocation", AllocationAction.Commit,
            "APPROVED → COMMITTED (FUND_MANAGER): the agreement with the municipality is signed; tranches may be disbursed.", step);
        AddStep(mutation, errors, "closeAllocation", AllocationAction.Close,
            "DISBURSED → CLOSED (FUND_MANAGER).", step);
        AddStep(mutation, errors, "cancelAllocation", AllocationAction.Cancel,
            "PROPOSED / APPROVED / COMMITTED / PARTIALLY_DISBURSED → CANCELLED (FUND_MANAGER, with a reason): the undisbursed amount goes back to the programme.",
            [.. step, ErrorCodes.ReasonRequired]);

        mutation.AddMutation(errors, "disburseAllocation",
            "Pays one tranche of a COMMITTED or PARTIALLY_DISBURSED allocation (FUND_MANAGER): PARTIALLY_DISBURSED, or DISBURSED with the last millime. Idempotent with idempotencyKey.",
            new DisburseAllocationInputType(), "allocation", AllocationType.TypeName,
            [.. step, ErrorCodes.DisbursementExceedsAllocation, ErrorCodes.IdempotencyKeyReused],
            async ctx =>
            {
                var actor = ctx.RequireFundManager();
                var input = ctx.GetArgument<DisburseAllocationInput>("input");
                var (year, id) = FundIds.Decode(input.AllocationId, AllocationType.TypeName);
                var order = new DisbursementOrder(id, FundAmounts.Millimes(input.AmountMillimes, input.AmountDinars, "input"),
                    InputText.Optional(input.Reason, "input.reason", 500), IdempotencyKey(input.IdempotencyKey));
                ctx.Service<FundLookup>().Forget(year);
                return await Fund(ctx, year).Disburse(actor, order);
            });

        mutation.AddMutation(errors, "proposeAmendment",
            "Proposes an audited change of appropriations (FUND_MANAGER), e.g. programming part of the unprogrammed remainder. Applied only when another fund manager approves it. Idempotent with idempotencyKey.",
            new ProposeAmendmentInputType(), "amendment", FundAmendmentType.TypeName,
            [ErrorCodes.FundNotFound, ErrorCodes.ProgrammeNotFound, ErrorCodes.UnprogrammedExceeded, ErrorCodes.AppropriationExceeded,
             ErrorCodes.ReasonRequired, ErrorCodes.IdempotencyKeyReused, ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed],
            async ctx =>
            {
                var actor = ctx.RequireFundManager();
                var input = ctx.GetArgument<ProposeAmendmentInput>("input");
                var proposal = new AmendmentProposal(input.FromProgramme, input.ToProgramme,
                    FundAmounts.Millimes(input.AmountMillimes, input.AmountDinars, "input"),
                    InputText.Optional(input.Reason, "input.reason", 500), IdempotencyKey(input.IdempotencyKey));
                ctx.Service<FundLookup>().Forget(input.Year);
                return await Fund(ctx, input.Year).ProposeAmendment(actor, proposal);
            });

        AddDecision(mutation, errors, "approveAmendment", approve: true,
            "PROPOSED → APPROVED (FUND_MANAGER other than the proposer): the appropriations move; appropriation = programmed + unprogrammed still holds.",
            [.. step, ErrorCodes.SegregationOfDuties, ErrorCodes.UnprogrammedExceeded, ErrorCodes.AppropriationExceeded]);
        AddDecision(mutation, errors, "rejectAmendment", approve: false,
            "PROPOSED → REJECTED (FUND_MANAGER, with a reason; the proposer may withdraw their own).",
            [.. step, ErrorCodes.ReasonRequired]);

        mutation.AddMutation(errors, "importMunicipalities",
            "Imports municipalities from a CSV (FUND_MANAGER, OPERATOR): upserts by code, reports bad rows by line, applies the good ones.",
            new ImportMunicipalitiesInputType(), "result", MunicipalityImportResultType.TypeName,
            [ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed],
            async ctx =>
            {
                var actor = ctx.RequireRole(Contracts.Identity.ActorRole.FundManager, Contracts.Identity.ActorRole.Operator);
                var input = ctx.GetArgument<ImportMunicipalitiesInput>("input");
                var (rows, unreadable) = MunicipalityCsv.Parse(input.Csv);
                var source = InputText.Optional(input.Source, "input.source", 200) ?? "importMunicipalities";
                var result = await ctx.Service<IGrainFactory>().GetGrain<IMunicipalityRegistryGrain>(IMunicipalityRegistryGrain.Key)
                    .Import(actor, rows, source);
                ctx.Service<FundLookup>().ForgetMunicipalities();
                return result with { Rejected = [.. unreadable.Concat(result.Rejected).OrderBy(r => r.Line)] };
            });
    }

    private static void AddStep(ObjectGraphType mutation, DomainErrorTypes errors, string name, AllocationAction action, string description, string[] codes)
    {
        var transition = AllocationTransitions.For(action);
        var inputName = char.ToUpperInvariant(name[0]) + name[1..] + "Input";
        mutation.AddMutation(errors, name, description, new AllocationStepInputType(inputName, transition.ReasonRequired),
            "allocation", AllocationType.TypeName, codes,
            async ctx =>
            {
                var actor = ctx.RequireFundManager();
                var input = ctx.GetArgument<AllocationStepInput>("input");
                var (year, id) = FundIds.Decode(input.AllocationId, AllocationType.TypeName);
                var reason = InputText.Optional(input.Reason, "input.reason", 500);
                ctx.Service<FundLookup>().Forget(year);
                return await Fund(ctx, year).Perform(actor, new AllocationCommand(id, action, reason));
            });
    }

    private static void AddDecision(ObjectGraphType mutation, DomainErrorTypes errors, string name, bool approve, string description, string[] codes)
    {
        var inputName = char.ToUpperInvariant(name[0]) + name[1..] + "Input";
        mutation.AddMutation(errors, name, description, new AmendmentDecisionInputType(inputName, reasonRequired: !approve),
            "amendment", FundAmendmentType.TypeName, codes,
            async ctx =>
            {
                var actor = ctx.RequireFundManager();
                var input = ctx.GetArgument<AmendmentDecisionInput>("input");
                var (year, id) = FundIds.Decode(input.AmendmentId, FundAmendmentType.TypeName);
                var reason = InputText.Optional(input.Reason, "input.reason", 500);
                ctx.Service<FundLookup>().Forget(year);
                return await Fund(ctx, year).DecideAmendment(actor, new AmendmentDecision(id, approve, reason));
            });
    }

    private static IFundGrain Fund(IResolveFieldContext ctx, int year) => ctx.Service<IGrainFactory>().GetGrain<IFundGrain>(year);

    private static string? IdempotencyKey(string? key) => InputText.Optional(key, "input.idempotencyKey", 128);
}
