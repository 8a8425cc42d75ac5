// The client's reschedule in the browser, against the production build: list → detail → calendar →
// live verdict → suggestion → confirm → success page → list and history → development mailbox.
import { expect, test, type Page } from "@playwright/test";
import { feriadoNacional } from "../lib/reprogramacion/feriados";
import { aLaHora, apiComo, clienteNuevo, db, diaHabil, diaLocal, fijarCapacidad, proximoDomingo, reservaDirecta } from "./api-helpers";
import { antesDeHidratar, iniciarSesion } from "./helpers";

/** Moves the calendar to the day's month and returns the day's button. */
async function diaDelCalendario(page: Page, fecha: string) {
  const boton = page.locator(`button[data-fecha="${fecha}"]`);
  const mes = async () => (await page.locator("button[data-fecha]").first().getAttribute("data-fecha"))!.slice(0, 7);
  for (let i = 0; i < 4 && !(await boton.isVisible()); i++)
    await page.getByRole("button", { name: fecha.slice(0, 7) > (await mes()) ? "Ir al mes siguiente" : "Ir al mes anterior" }).click();
  await expect(boton).toBeVisible();
  return boton;
}

/** The first national holiday on a weekday among the next 60 days (the calendar's window), if any. */
function proximoFeriadoEntreSemana(): string | null {
  for (let d = 2; d < 60; d++) {
    const dia = diaLocal(aLaHora(d, 12));
    const semana = new Date(`${dia}T12:00:00Z`).getUTCDay();
    if (semana !== 0 && semana !== 6 && feriadoNacional(dia)) return dia;
  }
  return null;
}

test("el cliente reprograma desde el calendario: domingo bloqueado, sugerencia, confirmación, historial y correo", async ({ page }) => {
  const cliente = await clienteNuevo("Lucía");
  const actual = diaHabil(12);
  const id = await reservaDirecta(cliente.id, actual);
  await iniciarSesion(page, cliente.email);

  await page.goto("/reservas");
  const tarjeta = page.getByTestId(`reserva-${id}`);
  await expect(tarjeta).toContainText("Bs 2.400,00");
  await expect(tarjeta).toContainText("(hora de America/La_Paz)");
  await expect(tarjeta.getByTestId("reprogramaciones-usadas")).toHaveText("0 de 3");
  await tarjeta.getByRole("link", { name: "Destino de prueba" }).click();
  await expect(page).toHaveURL(new RegExp(`/reservas/${id}$`));
  await expect(page.getByText("Esta reserva todavía no se reprogramó.")).toBeVisible();
  await page.getByRole("link", { name: "Reprogramar" }).click();
  await expect(page.getByRole("heading", { name: "Reprogramar: Destino de prueba" })).toBeVisible();

  // A Sunday and a national holiday are marked as not allowed, each with its reason.
  const domingo = diaLocal(proximoDomingo(5));
  const botonDomingo = await diaDelCalendario(page, domingo);
  await expect(botonDomingo).toHaveAttribute("data-permitido", "false");
  await expect(botonDomingo).toContainText("Cerrado");
  await expect(botonDomingo).toHaveAccessibleName(/No disponible: Domingo: No se permite reprogramar para fines de semana ni feriados/);
  const feriado = proximoFeriadoEntreSemana();
  if (feriado) {
    const botonFeriado = await diaDelCalendario(page, feriado);
    await expect(botonFeriado).toHaveAttribute("data-permitido", "false");
    await expect(botonFeriado).toContainText("Feriado");
    await expect(botonFeriado).toHaveAccessibleName(new RegExp(`Feriado: ${feriadoNacional(feriado)}`));
  } else {
    // No weekday holiday in the next 60 days (it happens between August and November): the API says it for the next one.
    const api = await apiComo(cliente.email);
    let dia = diaLocal(aLaHora(60, 12));
    while (!feriadoNacional(dia) || [0, 6].includes(new Date(`${dia}T12:00:00Z`).getUTCDay())) dia = diaLocal(new Date(Date.parse(`${dia}T16:00:00Z`) + 86_400_000));
    const r = await api.get(`/api/reservas/${id}/calendario/?desde=${dia}&hasta=${dia}`);
    expect((await r.json()).dias[0].motivos[0]).toMatchObject({ codigo: "FERIADO" });
  }

  // Picking the Sunday shows the blackout rule failing, with nearby dates as one-click choices.
  await (await diaDelCalendario(page, domingo)).click();
  await expect(page.getByTestId("regla-DIA_BLACKOUT")).toHaveAttribute("data-cumple", "false");
  await expect(page.getByTestId("vista-previa")).toContainText("No se permite reprogramar para fines de semana ni feriados");
  const sugerencias = page.getByTestId("sugerencia");
  await expect(sugerencias).toHaveCount(3);
  await sugerencias.last().click();
  await expect(page.getByText("Puede reprogramar a esta fecha")).toBeVisible();
  const fechaElegida = await page.getByLabel("Fecha (America/La_Paz)").inputValue();
  expect(fechaElegida > domingo).toBe(true);

  await page.getByLabel("Motivo", { exact: true }).fill("Cambio de vuelo por trabajo");
  await expect(page.getByTestId("contador-motivo")).toHaveText("27 / 1000");
  await page.getByRole("button", { name: "Revisar y confirmar" }).click();
  const dialogo = page.getByRole("dialog", { name: "Confirme la reprogramación" });
  await expect(dialogo).toContainText("Reprogramaciones que le quedarán");
  await expect(dialogo).toContainText("Bs 2.400,00");
  await dialogo.getByRole("button", { name: "Confirmar reprogramación" }).click();

  await expect(page).toHaveURL(new RegExp(`/reservas/${id}/reprogramar/listo\\?historial=\\d+`));
  await expect(page.getByRole("heading", { name: "¡Listo! Su reserva fue reprogramada" })).toBeVisible();
  await expect(page.getByTestId("total-nuevo")).toHaveText("Bs 2.400,00");
  // The email's real state: queued first, then sent once the worker delivered it (the page refreshes itself).
  await expect(page.getByTestId("estado-correo")).toHaveAttribute("data-estado", "ENVIADO", { timeout: 20_000 });
  await expect(page.getByTestId("estado-correo")).toContainText(`Le enviamos la confirmación por correo a ${cliente.email}`);
  const nueva = await page.getByTestId("fecha-nueva").innerText();

  await page.goto("/reservas");
  await expect(page.getByTestId(`reserva-${id}`).getByTestId("fecha-reserva")).toHaveText(nueva);
  await expect(page.getByTestId(`reserva-${id}`).getByTestId("reprogramaciones-usadas")).toHaveText("1 de 3");
  await page.goto(`/reservas/${id}`);
  const entrada = page.getByTestId("entrada-historial");
  await expect(entrada).toHaveCount(1);
  await expect(entrada).toContainText("Usted");
  await expect(entrada).toContainText("Cambio de vuelo por trabajo");
  await expect(entrada.getByTestId("historial-nueva")).toHaveText(nueva);
  await expect(entrada).toContainText("Le avisamos por correo");

  const { rows } = await db().query("SELECT asunto FROM correo_desarrollo WHERE para = $1", [cliente.email]);
  expect(rows).toHaveLength(1);
});

test("una reserva a 12 horas dice por qué no se puede mover; con 3 reprogramaciones no hay Reprogramar usable", async ({ page }) => {
  const cliente = await clienteNuevo("Mario");
  const pronto = await reservaDirecta(cliente.id, new Date(Date.now() + 12 * 3_600_000));
  const agotada = await reservaDirecta(cliente.id, diaHabil(15), { reprogramaciones: 3, estado: "REPROGRAMADA" });
  await iniciarSesion(page, cliente.email);
  await page.goto("/reservas");

  const tarjetaPronto = page.getByTestId(`reserva-${pronto}`);
  await expect(tarjetaPronto.getByRole("button", { name: "Reprogramar" })).toBeDisabled();
  await expect(tarjetaPronto.getByTestId("motivo-no-reprogramable")).toHaveText(/Faltan 1[12] horas para su viaje y se requieren 24 de anticipación/);

  const tarjetaAgotada = page.getByTestId(`reserva-${agotada}`);
  await expect(tarjetaAgotada.getByRole("button", { name: "Reprogramar" })).toBeDisabled();
  await expect(tarjetaAgotada.getByRole("link", { name: "Reprogramar" })).toHaveCount(0);
  await expect(tarjetaAgotada.getByTestId("motivo-no-reprogramable")).toHaveText("Ya usó sus 3 reprogramaciones");
  await expect(tarjetaAgotada.getByTestId("reprogramaciones-usadas")).toHaveText("3 de 3");

  // Going to the form anyway explains instead of offering it.
  await page.goto(`/reservas/${agotada}/reprogramar`);
  await expect(page.getByText("Esta reserva no se puede reprogramar")).toBeVisible();
  await expect(page.getByRole("button", { name: "Revisar y confirmar" })).toHaveCount(0);
});

test("un día lleno se marca en el calendario y ofrece fechas alternativas con lugares", async ({ page }) => {
  const cliente = await clienteNuevo("Rosa");
  const id = await reservaDirecta(cliente.id, diaHabil(26));
  const lleno = diaLocal(diaHabil(30));
  await fijarCapacidad(lleno, 0);
  try {
    await iniciarSesion(page, cliente.email);
    await page.goto(`/reservas/${id}/reprogramar`);
    const boton = await diaDelCalendario(page, lleno);
    await expect(boton).toContainText("Lleno");
    await expect(boton).toHaveAccessibleName(/Sin lugares/);
    await boton.click();
    await expect(page.getByTestId("vista-previa")).toContainText("La fecha solicitada no está disponible");
    const alternativas = page.getByTestId("sugerencia");
    await expect(alternativas.first()).toContainText("libres");
    await alternativas.first().click();
    await expect(page.getByText("Puede reprogramar a esta fecha")).toBeVisible();
  } finally {
    await db().query("DELETE FROM capacidad_fecha WHERE fecha = $1", [lleno]);
  }
});

test("lo que se escribe antes de que la página termine de cargar no se pierde: la fecha y el motivo llegan al veredicto y al contador", async ({ page }) => {
  const cliente = await clienteNuevo("Lenta");
  const id = await reservaDirecta(cliente.id, diaHabil(14));
  await iniciarSesion(page, cliente.email);
  const dia = diaLocal(diaHabil(20));
  await antesDeHidratar(page, `/reservas/${id}/reprogramar`, async () => {
    await page.getByLabel("Fecha (America/La_Paz)").fill(dia);
    await page.getByLabel("Motivo", { exact: true }).fill("Cambio de vuelo por trabajo");
  });
  await expect(page.getByText("Puede reprogramar a esta fecha")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("contador-motivo")).toHaveText("27 / 1000");
  await expect(page.getByLabel("Fecha (America/La_Paz)")).toHaveValue(dia);
});
