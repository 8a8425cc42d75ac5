// A compiled template filled with an email's values gives exactly what React Email renders for
// that email, HTML and plain text, for every template and for values that stress the fill: markup
// and quotes, runs of spaces and line breaks, accents, empty text, long text (the hidden preview is
// cut at 150 characters), a value equal to another (a link whose text is its address).
import type { ComponentType } from "react";
import { describe, expect, it } from "vitest";
import CorreoCancelacion from "@/emails/cancelacion";
import CorreoCuenta from "@/emails/cuenta";
import CorreoOferta from "@/emails/oferta-lista-espera";
import CorreoAdmin from "@/emails/reprogramacion-admin";
import CorreoCliente from "@/emails/reprogramacion-cliente";
import CorreoTransferencia from "@/emails/transferencia";
import { renderizar, renderizarSinPlantilla } from "@/lib/notificaciones/correo/contenido";
import { formasCompiladas } from "@/lib/notificaciones/correo/plantilla-compilada";

type Plantilla = ComponentType<object> & { PreviewProps: object };
const PLANTILLAS = { CorreoCancelacion, CorreoCuenta, CorreoOferta, CorreoAdmin, CorreoCliente, CorreoTransferencia } as unknown as Record<string, Plantilla>;

const DIFICILES = [
  `<b>Tom & "Jerry"</b> l'été`,
  "  dos\n\n  líneas\tcon   espacios  ",
  "ÑANDÚ çé — «comillas» 🚌",
  "x".repeat(400),
  "",
  "https://agencia.bo/gestion/AbC?x=1&y=2",
];

/** Every string leaf of `valor`, with the path to it. */
function hojas(valor: unknown, ruta: (string | number)[] = []): (string | number)[][] {
  if (typeof valor === "string") return [ruta];
  if (Array.isArray(valor)) return valor.flatMap((v, i) => hojas(v, [...ruta, i]));
  if (valor && typeof valor === "object") return Object.entries(valor).flatMap(([k, v]) => hojas(v, [...ruta, k]));
  return [];
}

function conValor<T>(props: T, ruta: (string | number)[], valor: string): T {
  const copia = structuredClone(props) as Record<string | number, unknown>;
  let nodo = copia;
  for (const paso of ruta.slice(0, -1)) nodo = nodo[paso] as Record<string | number, unknown>;
  nodo[ruta.at(-1)!] = valor;
  return copia as T;
}

// Props compared in templates keep their real values (they pick the layout).
const DISCRIMINANTES = new Set(["variante", "para"]);

describe("plantillas compiladas", () => {
  for (const [nombre, Plantilla] of Object.entries(PLANTILLAS)) {
    it(`${nombre}: llenar la plantilla da lo mismo que renderizar, con valores difíciles en cada campo`, async () => {
      const base = Plantilla.PreviewProps;
      await renderizar(Plantilla, base, "asunto");
      expect(formasCompiladas(Plantilla as ComponentType<never>)).toBe(1); // compiled, not rendered in full each time
      const casos: object[] = [base];
      const rutas = hojas(base).filter((r) => !DISCRIMINANTES.has(String(r.at(-1))));
      for (const ruta of rutas) for (const valor of DIFICILES) casos.push(conValor(base, ruta, valor));
      // Every text the same value: equal values share one placeholder.
      casos.push(rutas.reduce((p, r) => conValor(p, r, "Igual"), base));
      // A link's text equal to its address.
      const enlace = rutas.find((r) => /enlace/i.test(String(r.at(-1))));
      if (enlace) casos.push(rutas.reduce((p, r) => conValor(p, r, "https://agencia.bo/x"), base));
      for (const props of casos) {
        const esperado = await renderizarSinPlantilla(Plantilla, props);
        // Twice: the first fills the template it just compiled, the second one from the cache.
        for (let vez = 0; vez < 2; vez++) {
          const { html, texto } = await renderizar(Plantilla, props, "asunto");
          expect(html).toBe(esperado.html);
          expect(texto).toBe(esperado.texto);
        }
      }
    });
  }

  it("la variante de un correo de cuenta elige su texto (no es un valor a llenar)", async () => {
    const base = (CorreoCuenta as unknown as Plantilla).PreviewProps as { variante: string };
    const invitacion = await renderizar(CorreoCuenta as unknown as Plantilla, base, "a");
    const recuperacion = await renderizar(CorreoCuenta as unknown as Plantilla, { ...base, variante: "recuperacion" }, "a");
    expect(recuperacion.texto).not.toBe(invitacion.texto);
    expect(recuperacion.html).toBe((await renderizarSinPlantilla(CorreoCuenta as unknown as Plantilla, { ...base, variante: "recuperacion" })).html);
  });
});
