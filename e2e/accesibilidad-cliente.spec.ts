// axe-core on the client's pages at phone and desktop widths (no serious or critical violations),
// with the form showing its errors; a screenshot of each page at each width is kept as an artifact.
import { expect, test } from "@playwright/test";
import { clienteNuevo, diaHabil, reservaDirecta } from "./api-helpers";
import { iniciarSesion, revisarPagina } from "./helpers";

const ANCHOS = [390, 1280];

for (const ancho of ANCHOS) {
  test(`páginas del cliente sin violaciones graves de accesibilidad a ${ancho} px`, async ({ browser }, testInfo) => {
    const cliente = await clienteNuevo("Inés");
    const id = await reservaDirecta(cliente.id, diaHabil(13));
    await reservaDirecta(cliente.id, diaHabil(17), { reprogramaciones: 3, estado: "REPROGRAMADA" });
    const page = await (await browser.newContext({ viewport: { width: ancho, height: 900 } })).newPage();
    await iniciarSesion(page, cliente.email);

    await page.goto("/reservas");
    await expect(page.getByTestId(`reserva-${id}`)).toBeVisible();
    await revisarPagina(page, testInfo, "reservas", ancho);

    await page.goto(`/reservas/${id}`);
    await expect(page.getByRole("heading", { name: "Historial de reprogramaciones" })).toBeVisible();
    await revisarPagina(page, testInfo, "reserva-detalle", ancho);

    await page.goto(`/reservas/${id}/reprogramar`);
    await page.locator('button[data-permitido="false"]').filter({ hasText: "Cerrado" }).first().click();
    await expect(page.getByTestId("vista-previa")).toBeVisible();
    await page.getByLabel("Motivo", { exact: true }).fill("corto");
    await page.getByRole("button", { name: "Revisar y confirmar" }).click();
    // The errors sit next to their fields and focus moves to the first one.
    await expect(page.getByText("El motivo debe tener al menos 10 caracteres")).toBeVisible();
    await expect(page.getByText(/No puede reprogramar a esa fecha/)).toBeVisible();
    await expect(page.getByLabel("Fecha (America/La_Paz)")).toBeFocused();
    await expect(page.getByLabel("Motivo", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await revisarPagina(page, testInfo, "reprogramar-con-error", ancho);
  });
}
