using System.Text.RegularExpressions;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Centers;
using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Centers;

public static partial class CenterMutations
{
    public static void AddCenterMutations(this ObjectGraphType mutation, DomainErrorTypes errors)
    {
        string[] common = [ErrorCodes.NotAllowed, ErrorCodes.ValidationFailed];

        mutation.AddMutation(errors, "registerServiceCenter", "Registers a center in PLANNED phase (OPERATOR).",
            new RegisterServiceCenterInputType(), "center", ServiceCenterType.TypeName,
            [.. common, ErrorCodes.CenterAlreadyRegistered, ErrorCodes.InvalidCenterServices],
            async ctx =>
            {
                var actor = ctx.RequireRole(ActorRole.Operator);
                var input = ctx.GetArgument<RegisterServiceCenterInput>("input");
                var code = input.Code.Trim().ToUpperInvariant();
                if (!CenterCode().IsMatch(code))
                {
                    throw ApiErrors.BadInput("code is 2 to 32 of A-Z, 0-9 and '-'.", "input.code");
                }

                if (input.DailyCapacity is < 0 or > 100_000)
                {
                    throw ApiErrors.BadInput("dailyCapacity must be between 0 and 100000.", "input.dailyCapacity");
                }

                var profile = new ServiceCenterProfile(
                    code,
                    InputText.Required(input.NameAr, "input.nameAr", 200),
                    InputText.Required(input.NameFr, "input.nameFr", 200),
                    input.Governorate,
                    InputText.Required(input.District, "input.district", 120),
                    input.Kind,
                    input.Services.Distinct().Order().ToList(),
                    input.DailyCapacity,
                    IsDemo: false);
                return await Grain(ctx, code).Register(actor, profile);
            });

        mutation.AddMutation(errors, "updateCenterReadiness", "Reports a center's readiness on the four rollout tracks (OPERATOR, or SUPERVISOR of its governorate).",
            new UpdateCenterReadinessInputType(), "center", ServiceCenterType.TypeName, [.. common, ErrorCodes.CenterNotFound],
            async ctx =>
            {
                var actor = ctx.RequireRole(ActorRole.Operator, ActorRole.Supervisor);
                var input = ctx.GetArgument<UpdateCenterReadinessInput>("input");
                var readiness = new CenterReadiness(input.Networked, input.AgentsTrained, input.AgentsRequired,
                    input.WorkstationsInstalled, input.WorkstationsRequired, input.HostingCapacity);
                return await Grain(ctx, CenterKey(input.CenterId)).UpdateReadiness(actor, readiness);
            });

        mutation.AddMutation(errors, "changeCenterRolloutPhase", "Moves a center to PILOT, LIVE or SUSPENDED (OPERATOR).",
            new ChangeCenterRolloutPhaseInputType(), "center", ServiceCenterType.TypeName,
            [.. common, ErrorCodes.CenterNotFound, ErrorCodes.CenterNotReady, ErrorCodes.InvalidTransition, ErrorCodes.ReasonRequired],
            async ctx =>
            {
                var actor = ctx.RequireRole(ActorRole.Operator);
                var input = ctx.GetArgument<ChangeCenterRolloutPhaseInput>("input");
                var reason = InputText.Optional(input.Reason, "input.reason", 500);
                return await Grain(ctx, CenterKey(input.CenterId)).ChangePhase(actor, input.Phase, reason);
            });

        mutation.AddMutation(errors, "changeCenterServices", "Changes a center's kind and services, e.g. an upgrade to MODEL_OFFICE (OPERATOR).",
            new ChangeCenterServicesInputType(), "center", ServiceCenterType.TypeName,
            [.. common, ErrorCodes.CenterNotFound, ErrorCodes.InvalidCenterServices],
            async ctx =>
            {
                var actor = ctx.RequireRole(ActorRole.Operator);
                var input = ctx.GetArgument<ChangeCenterServicesInput>("input");
                var reason = InputText.Optional(input.Reason, "input.reason", 500);
                return await Grain(ctx, CenterKey(input.CenterId)).ChangeServices(actor, input.Kind, input.Services, reason);
            });
    }

    private static string CenterKey(string id) => GlobalId.DecodeKey(id, ServiceCenterType.TypeName);

    private static IServiceCenterGrain Grain(IResolveFieldContext ctx, string code) =>
        ctx.Service<IGrainFactory>().GetGrain<IServiceCenterGrain>(code);

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,31}$")]
    private static partial Regex CenterCode();
}
