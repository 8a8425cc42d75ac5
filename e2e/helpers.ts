import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo1234";

export async function iniciarSesion(page: Page, email: string, servidor = "") {
  await page.goto(`${servidor}/login`);
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(PASSWORD);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByTestId("usuario-actual")).toBeVisible();
}
