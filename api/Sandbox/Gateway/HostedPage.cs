using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Actors.Contracts.Geography;
using Actors.Contracts.Interop.Sandbox;
using Actors.Contracts.Naming;

namespace Actors.Api.Sandbox.Gateway;

/// <summary>
/// The sandbox gateway's hosted page, in French with English alongside: the merchant, the order, the exact amount,
/// the expiry, and what the order's status calls for (the card form, the 3-D Secure code, or the outcome).
/// Plain HTML with one stylesheet and one script from this server, nothing inline (the CSP allows no more).
/// </summary>
public static class HostedPage
{
    public const string Merchant = "Ministère de l'Intérieur";
    public const string MerchantArabic = "وزارة الداخلية";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The page for the order's status; <paramref name="form"/> and <paramref name="notice"/> for a card form shown again.</summary>
    public static string For(SandboxGatewayOrder order, string assetBase, CardForm? form = null, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        var body = new StringBuilder();
        Summary(body, order);
        switch (order.Status)
        {
            case SandboxOrderStatus.Open:
                CardFormSection(body, order, form ?? CardForm.Empty, notice);
                break;
            case SandboxOrderStatus.ChallengeRequired:
                Challenge(body, order);
                break;
            case SandboxOrderStatus.Captured:
                Outcome(body, order, "success", "Paiement accepté", "Payment successful",
                    $"Carte se terminant par {order.CardLast4} débitée de {Amount(order)}.", $"Card ending {order.CardLast4} charged {Amount(order)}.");
                break;
            case SandboxOrderStatus.Declined:
                Outcome(body, order, "declined", "Paiement refusé", "Payment declined",
                    $"La banque a refusé la carte se terminant par {order.CardLast4} (code {order.DeclineCode}). Rien n'a été débité.",
                    $"The bank declined the card ending {order.CardLast4} (code {order.DeclineCode}). Nothing was charged.");
                break;
            case SandboxOrderStatus.Expired:
                Outcome(body, order, "expired", "Commande expirée", "This order has expired",
                    "Le délai de paiement est dépassé. Recommencez depuis le service.", "The time to pay is over. Start again from the service.");
                break;
            case SandboxOrderStatus.Refunded:
                Outcome(body, order, "refunded", "Paiement remboursé", "Payment refunded",
                    $"{SchemaText.Dinars(order.RefundedMillimes)} {order.Currency} remboursés sur la carte se terminant par {order.CardLast4}.",
                    $"{SchemaText.Dinars(order.RefundedMillimes)} {order.Currency} refunded to the card ending {order.CardLast4}.");
                break;
        }

        return Layout("Paiement · Payment — " + Merchant, assetBase, body.ToString());
    }

    public static string UnknownSession(string assetBase) =>
        Layout("Session inconnue · Unknown session", assetBase,
            """
            <section class="outcome declined"><h2>Session de paiement inconnue <span lang="en">Unknown payment session</span></h2>
            <p>Ce lien de paiement n'existe pas. <span lang="en">This payment link does not exist.</span></p></section>
            """);

    private static void Summary(StringBuilder body, SandboxGatewayOrder order)
    {
        var expires = TimeZoneInfo.ConvertTime(order.ExpiresAt, TunisCalendar.Zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        body.Append(CultureInfo.InvariantCulture, $"""
            <section class="order">
              <dl>
                <dt>Commande <span lang="en">Order</span></dt><dd id="order-id">{E(order.OrderId)}</dd>
                <dt>Objet <span lang="en">For</span></dt><dd id="order-description">{E(order.Description)}</dd>
                <dt>Montant <span lang="en">Amount</span></dt><dd id="order-amount" class="amount">{E(Amount(order))}</dd>
                <dt>À payer avant <span lang="en">Pay before</span></dt><dd id="order-expires"><time datetime="{order.ExpiresAt.UtcDateTime:O}">{expires}</time> (heure de Tunis <span lang="en">Tunis time</span>)</dd>
              </dl>
            </section>
            """);
    }

    private static void CardFormSection(StringBuilder body, SandboxGatewayOrder order, CardForm form, string? notice)
    {
        if (notice is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"""<p class="notice" id="notice" role="alert">{notice}</p>""");
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" id="card-form" novalidate>
              <h2>Carte bancaire <span lang="en">Card</span></h2>
              {Field(form, CardForm.NumberField, "Numéro de carte", "Card number", "", "cc-number", "numeric", "1234 1234 1234 1234", 23)}
              <div class="row">
                {Field(form, CardForm.ExpiryField, "Expiration", "Expiry", form.Expiry, "cc-exp", "numeric", "MM/AA", 7)}
                {Field(form, CardForm.CvcField, "Cryptogramme", "CVC", "", "cc-csc", "numeric", "123", 4)}
              </div>
              {Field(form, CardForm.NameField, "Titulaire", "Cardholder", form.Name, "cc-name", "text", "", 100)}
              <button type="submit" id="pay">Payer {E(Amount(order))} <span lang="en">Pay</span></button>
              <p class="working" id="working" hidden>Traitement en cours… <span lang="en">Processing…</span></p>
            </form>
            <aside class="test-cards">
              <h3>Bac à sable : cartes de test <span lang="en">Sandbox test cards</span></h3>
              <ul>
                <li><code>4242 4242 4242 4242</code> accepté <span lang="en">success</span></li>
                <li><code>4000 0000 0000 0002</code> refusé <span lang="en">declined</span> (do_not_honor)</li>
                <li><code>4000 0000 0000 9995</code> provision insuffisante <span lang="en">insufficient funds</span></li>
                <li><code>4000 0000 0000 3220</code> 3-D Secure (code <code>123456</code>)</li>
                <li><code>4000 0000 0000 0119</code> la banque ne répond pas <span lang="en">the bank does not answer</span></li>
              </ul>
              <p>Toute date future, tout CVC. <span lang="en">Any future date, any CVC.</span></p>
            </aside>
            """);
    }

    private static void Challenge(StringBuilder body, SandboxGatewayOrder order) =>
        body.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="{E(order.SessionId)}/challenge" id="challenge-form">
              <h2>Vérification 3-D Secure <span lang="en">3-D Secure check</span></h2>
              <p>Votre banque vous a envoyé un code à usage unique pour la carte se terminant par {E(order.CardLast4 ?? "")}.
                <span lang="en">Your bank sent you a one-time code for the card ending {E(order.CardLast4 ?? "")}.</span></p>
              <label for="otp">Code à usage unique <span lang="en">One-time code</span></label>
              <input id="otp" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="8" required>
              <button type="submit" id="confirm">Valider <span lang="en">Confirm</span></button>
              <p class="hint">Bac à sable : <code>123456</code> réussit, tout autre code échoue. <span lang="en">Sandbox: 123456 succeeds, any other code fails.</span></p>
            </form>
            """);

    private static void Outcome(StringBuilder body, SandboxGatewayOrder order, string kind, string titleFr, string titleEn, string textFr, string textEn)
    {
        body.Append(CultureInfo.InvariantCulture, $"""
            <section class="outcome {kind}" id="outcome">
              <h2>{E(titleFr)} <span lang="en">{E(titleEn)}</span></h2>
              <p>{E(textFr)} <span lang="en">{E(textEn)}</span></p>
            """);
        if (order.ReturnUrl is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                  <p><a id="return" href="{E(order.ReturnUrl)}">Retour au service <span lang="en">Back to the service</span></a></p>
                """);
        }

        body.Append("</section>");
    }

    private static string Field(CardForm form, string name, string labelFr, string labelEn, string value, string autocomplete, string inputMode, string placeholder, int maxLength)
    {
        var error = form.Errors.GetValueOrDefault(name);
        var described = error is null ? "" : $""" aria-invalid="true" aria-describedby="{name}-error" """;
        var message = error is null ? "" : $"""<span class="error" id="{name}-error">{E(error)}</span>""";
        return $"""
            <div class="field"><label for="{name}">{E(labelFr)} <span lang="en">{E(labelEn)}</span></label>
              <input id="{name}" name="{name}" value="{E(value)}" autocomplete="{autocomplete}" inputmode="{inputMode}" placeholder="{E(placeholder)}" maxlength="{maxLength}" required{described}>{message}</div>
            """;
    }

    private static string Layout(string title, string assetBase, string main) => $"""
        <!DOCTYPE html>
        <html lang="fr">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="referrer" content="no-referrer">
          <title>{E(title)}</title>
          <link rel="icon" href="{assetBase}/gateway.svg">
          <link rel="stylesheet" href="{assetBase}/gateway.css">
          <script src="{assetBase}/gateway.js" defer></script>
        </head>
        <body>
          <header>
            <p class="sandbox">BAC À SABLE <span lang="en">SANDBOX</span> · aucun paiement réel <span lang="en">no real payment</span></p>
            <h1>{E(Merchant)} <span lang="ar" dir="rtl">{MerchantArabic}</span></h1>
            <p class="secure">Paiement sécurisé par carte <span lang="en">Secure card payment</span></p>
          </header>
          <main>
        {main}
          </main>
        </body>
        </html>
        """;

    private static string Amount(SandboxGatewayOrder order) => $"{SchemaText.Dinars(order.AmountMillimes)} {order.Currency}";

    private static string E(string text) => Html.Encode(text);
}
