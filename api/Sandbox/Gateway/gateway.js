// The sandbox gateway's hosted page: groups the card number by four as it is typed, adds the slash of MM/YY,
// and says "processing" while the bank is asked (the server checks everything again).
document.addEventListener('DOMContentLoaded', () => {
  const number = document.getElementById('number');
  number?.addEventListener('input', () => {
    const digits = number.value.replace(/\D/g, '').slice(0, 19);
    number.value = digits.replace(/(\d{4})(?=\d)/g, '$1 ');
  });

  const expiry = document.getElementById('expiry');
  expiry?.addEventListener('input', (event) => {
    const digits = expiry.value.replace(/\D/g, '').slice(0, 4);
    expiry.value = digits.length > 2 || (digits.length === 2 && event.inputType !== 'deleteContentBackward')
      ? `${digits.slice(0, 2)}/${digits.slice(2)}`
      : digits;
  });

  for (const form of document.querySelectorAll('form')) {
    form.addEventListener('submit', () => {
      for (const button of form.querySelectorAll('button')) button.disabled = true;
      document.getElementById('working')?.removeAttribute('hidden');
    });
  }
});
