using System.Text.RegularExpressions;
using Actors.Api.GraphQL;
using Actors.Api.GraphQL.Errors;
using Actors.Api.GraphQL.Relay;
using Actors.Contracts.Centers;
using Actors.Contracts.Naming;
using GraphQL;
using GraphQL.Types;

namespace Actors.Api.Centers;

public static partial class CenterMutations
{
    public static void AddCenterMutations(this ObjectGraphType mutation, DomainErrorTypes errors)
    {
        var register = CenterOperations.Register;
        mutation.AddMutation(errors, register.Name, "Registers a center in PLANNED phase (OPERATOR).",
            new RegisterServiceCenterInputType(), "center", ServiceCenterType.TypeName, register.Refusals,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<RegisterServiceCenterInput>("input");
                var code = input.Code.Trim().ToUpperInvariant();
                if (!CenterCode().IsMatch(code))
                {
                    throw ApiErrors.BadInput("code is 2 to 32 of A-Z, 0-9 and '-'.", "input.code");
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

        var readiness = CenterOperations.UpdateReadiness;
        mutation.AddMutation(errors, readiness.Name, "Reports a center's readiness on the four rollout tracks (OPERATOR, or SUPERVISOR of its governorate).",
            new UpdateCenterReadinessInputType(), "center", ServiceCenterType.TypeName, readiness.Refusals,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<UpdateCenterReadinessInput>("input");
                var reported = new CenterReadiness(input.Networked, input.AgentsTrained, input.AgentsRequired,
                    input.WorkstationsInstalled, input.WorkstationsRequired, input.HostingCapacity);
                return await Grain(ctx, CenterKey(input.CenterId)).UpdateReadiness(actor, reported);
            });

        var changePhase = CenterOperations.ChangePhase;
        mutation.AddMutation(errors, changePhase.Name, "Moves a center to PILOT, LIVE or SUSPENDED (OPERATOR); its availableActions lists where it can go now.",
            new ChangeCenterRolloutPhaseInputType(), "center", ServiceCenterType.TypeName, changePhase.Refusals,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<ChangeCenterRolloutPhaseInput>("input");
                var reason = Reason(input.Reason);
                return await Grain(ctx, CenterKey(input.CenterId)).ChangePhase(actor, input.Phase, reason);
            });

        var changeServices = CenterOperations.ChangeServices;
        mutation.AddMutation(errors, changeServices.Name, "Changes a center's kind and services, e.g. an upgrade to MODEL_OFFICE (OPERATOR).",
            new ChangeCenterServicesInputType(), "center", ServiceCenterType.TypeName, changeServices.Refusals,
            async ctx =>
            {
                var actor = ctx.RequireActor();
                var input = ctx.GetArgument<ChangeCenterServicesInput>("input");
                var reason = Reason(input.Reason);
                return await Grain(ctx, CenterKey(input.CenterId)).ChangeServices(actor, input.Kind, input.Services, reason);
            });
    }

    /// <summary>The reason normalised; its length is the grain's rule (DomainLimits.MaxReasonLength), not checked here.</summary>
    private static string? Reason(string? reason) => InputText.Optional(reason, "input.reason", int.MaxValue);

    private static string CenterKey(string id) => GlobalId.DecodeKey(id, ServiceCenterType.TypeName, "input.centerId");

    private static IServiceCenterGrain Grain(IResolveFieldContext ctx, string code) =>
        ctx.Service<IGrainFactory>().Reference<IServiceCenterGrain>(code);

    [GeneratedRegex(@"\A[A-Z0-9][A-Z0-9-]{1,31}\z")]
    private static partial Regex CenterCode();
}
