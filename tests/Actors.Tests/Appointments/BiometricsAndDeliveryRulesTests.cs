using Actors.Contracts.Errors;
using Actors.Contracts.Identity;
using Actors.Contracts.Requests;
using Actors.Tests.Infrastructure;
using Actors.Tests.Requests;

namespace Actors.Tests.Appointments;

/// <summary>
/// Biometrics are taken at the booked center, on the appointment's day, by one of its agents; a card handed over at the
/// center records how the agent checked who collected it. Each refusal changes nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BiometricsAndDeliveryRulesTests(ClusterFixture fixture)
{
    private static async Task<DomainError> Refusal(Func<Task> act) => (await Assert.ThrowsAsync<DomainException>(act)).Error;

    [Fact]
    public async Task Biometrics_are_refused_before_the_appointments_day_and_to_an_agent_of_another_center()
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter();
        var request = (await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.Paid))!;
        var grain = driver.Grain(request.Id);
        var slot = await driver.FreeSlot();
        var booked = await grain.Perform(driver.Citizen, new RequestCommand(RequestAction.BookAppointment, Slot: slot.Key, IdempotencyKey: "b"));

        // The driver's slots start tomorrow at the earliest (by the cluster's clock): today is not the day.
        var early = await Refusal(() => grain.Perform(driver.Agent, new RequestCommand(RequestAction.RecordBiometrics)));
        Assert.Equal(ErrorCodes.NotAppointmentDay, early.Code);
        Assert.Equal(slot.Key.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), early.Parameters["date"]);

        ShiftableClock.Shared.AdvanceTo(booked.Appointment!.At);
        var stranger = new Actor("agent-elsewhere", ActorRole.Agent, CenterId: "ELSEWHERE");
        Assert.Equal(ErrorCodes.NotFound, (await Refusal(() => grain.Perform(stranger, new RequestCommand(RequestAction.RecordBiometrics)))).Code);
        var supervisor = new Actor("supervisor-1", ActorRole.Supervisor, Governorate: "SFAX");
        Assert.Equal(ErrorCodes.NotAllowed, (await Refusal(() => grain.Perform(supervisor, new RequestCommand(RequestAction.RecordBiometrics)))).Code);
        Assert.Equal(booked.Version, (await grain.Find(driver.Citizen))!.Version);

        var captured = await grain.Perform(driver.Agent, new RequestCommand(RequestAction.RecordBiometrics));
        Assert.Equal(RequestStatus.BiometricsCaptured, captured.Status);
    }

    [Fact]
    public async Task A_card_collected_at_the_center_needs_the_identity_check_and_a_guardians_only_with_a_guardian()
    {
        var driver = new RequestDriver(fixture.Grains);
        await driver.OpenCenter();
        var request = (await driver.RequestIn(RequestKind.NationalIdCard, RequestStatus.ReadyForDelivery))!;
        var grain = driver.Grain(request.Id);

        var missing = await Refusal(() => grain.Perform(driver.Agent, new RequestCommand(RequestAction.ConfirmDelivery, DeliveryChannel: DeliveryChannel.Center)));
        Assert.Equal((ErrorCodes.ValidationFailed, "input.identityCheck"), (missing.Code, missing.Parameters["field"]));
        var guardian = await Refusal(() => grain.Perform(driver.Agent,
            new RequestCommand(RequestAction.ConfirmDelivery, DeliveryChannel: DeliveryChannel.Center, IdentityCheck: IdentityCheck.GuardianIdCard)));
        Assert.Equal(("GUARDIAN_ID_CARD", ErrorCodes.ValidationFailed), (guardian.Parameters["identityCheck"], guardian.Code));
        var school = await Refusal(() => grain.Perform(driver.Agent, new RequestCommand(RequestAction.ConfirmDelivery, DeliveryChannel: DeliveryChannel.School)));
        Assert.Equal(ErrorCodes.PupilDeliveryOnly, school.Code);
        Assert.Equal(request.Version, (await grain.Find(driver.Citizen))!.Version);

        var delivered = await grain.Perform(driver.Agent,
            new RequestCommand(RequestAction.ConfirmDelivery, DeliveryChannel: DeliveryChannel.Center, IdentityCheck: IdentityCheck.HolderPreviousCard));
        Assert.Equal(RequestStatus.Delivered, delivered.Status);
        Assert.Equal(new DeliveryRecord(DeliveryChannel.Center, delivered.UpdatedAt, driver.Agent.Describe(), driver.CenterId, IdentityCheck.HolderPreviousCard, null), delivered.Delivery);
    }
}
