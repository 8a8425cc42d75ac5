// Which Chromium the end-to-end tests drive. In order: CHROMIUM_PATH, Debian's /usr/bin/chromium,
// Playwright's own download (`npx playwright install chromium`), an installed Google Chrome.
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

export interface Navegador {
  ruta: string;
  origen: string;
}

const ejecutable = (ruta: string | undefined): ruta is string => {
  if (!ruta) return false;
  try {
    accessSync(ruta, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function descargaDePlaywright(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** The first directory of PATH holding an executable with this name. */
function enPath(nombre: string, env: NodeJS.ProcessEnv): string | undefined {
  return (env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, nombre))
    .find(ejecutable);
}

export function buscarNavegador(env: NodeJS.ProcessEnv = process.env): Navegador | null {
  const candidatos: [string | undefined, string][] = [
    [env.CHROMIUM_PATH, "CHROMIUM_PATH"],
    [enPath("chromium", env), "Chromium del sistema (apt-get install chromium)"],
    [enPath("chromium-browser", env), "Chromium del sistema"],
    [descargaDePlaywright(), "Chromium de Playwright (npx playwright install chromium)"],
    [enPath("google-chrome", env) ?? enPath("google-chrome-stable", env), "Google Chrome"],
    ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "Google Chrome"],
    ["C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "Google Chrome"],
  ];
  // An explicit CHROMIUM_PATH that does not exist is skipped like any other missing candidate.
  for (const [ruta, origen] of candidatos) if (ejecutable(ruta)) return { ruta, origen };
  return null;
}

export const SIN_NAVEGADOR =
  "No se encontró Chromium para las pruebas end-to-end: defina CHROMIUM_PATH con la ruta de un Chromium o Chrome, instale el de su sistema (Debian/Ubuntu: apt-get install chromium) o descargue el de Playwright con npx playwright install chromium.";

/** The flags that keep Chromium quiet on a closed network. */
export const ARGUMENTOS_CHROMIUM = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
