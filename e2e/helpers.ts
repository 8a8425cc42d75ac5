import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page, type Route, type TestInfo } from "@playwright/test";

export const PASSWORD = "demo1234";

/** Signs a request context in through next-auth's credentials flow (real cookies, real JWT). */
export async function iniciarSesionApi(ctx: APIRequestContext, email: string, password = PASSWORD): Promise<void> {
  const login = await intentarSesionApi(ctx, email, password);
  if (!login.ok()) throw new Error(`login ${email}: ${login.status()}`);
}

/** One sign-in attempt through next-auth's credentials flow; the response says how it went. */
export async function intentarSesionApi(ctx: APIRequestContext, email: string, password = PASSWORD) {
  const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
  return ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
}

export async function iniciarSesion(page: Page, email: string, servidor = "") {
  await page.goto(`${servidor}/login`);
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(PASSWORD);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByTestId("usuario-actual")).toBeVisible();
}

/**
 * Opens a page as a slow phone gets it: its HTML on screen, its scripts held back until `antes` has
 * typed and picked what a person would, then let through. The page's own state must end up with it.
 */
export async function antesDeHidratar(page: Page, ruta: string, antes: () => Promise<void>) {
  let soltar!: () => void;
  const scripts = new Promise<void>((r) => (soltar = r));
  const retener = async (r: Route) => {
    await scripts;
    await r.continue();
  };
  // Only the scripts: a stylesheet held back would keep the page from painting at all.
  const esScript = (url: URL) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js");
  await page.route(esScript, retener);
  // Scripts held back keep DOMContentLoaded from firing: wait for the HTML only.
  await page.goto(ruta, { waitUntil: "commit" });
  await antes();
  // The route stays: from now on it lets every script through at once (unrouting would race the held ones).
  soltar();
}

/**
 * A page as a person on a phone or a desktop gets it: no sideways scroll, a full-page screenshot
 * kept as an artifact, and no serious or critical axe-core (WCAG 2.1 AA) violation.
 */
export async function revisarPagina(page: Page, testInfo: TestInfo, nombre: string, ancho: number) {
  const anchas = await page.evaluate((limite) => [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > limite + 1).slice(0, 5).map((e) => `${e.tagName}.${e.className}`), ancho);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${nombre} a ${ancho} px: ${anchas.join(" | ")}`).toBeLessThanOrEqual(ancho);
  const captura = testInfo.outputPath(`${nombre}-${ancho}.png`);
  await page.screenshot({ path: captura, fullPage: true });
  await testInfo.attach(`${nombre}-${ancho}`, { path: captura, contentType: "image/png" });
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const graves = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(graves.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), `${nombre} a ${ancho} px`).toEqual([]);
}
