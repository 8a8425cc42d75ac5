// Shared frame of every email: 600 px column that shrinks on phones, agency header, contact footer.
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { Contacto } from "../tipos";

export const colores = { texto: "#1f2937", suave: "#6b7280", marca: "#0f766e", fondo: "#f3f4f6", borde: "#e5e7eb", aviso: "#92400e" };

export const estilos = {
  texto: { fontSize: "15px", lineHeight: "22px", color: colores.texto, margin: "0 0 12px" },
  etiqueta: { fontSize: "12px", color: colores.suave, margin: "0", textTransform: "uppercase" as const, letterSpacing: "0.04em" },
  valor: { fontSize: "15px", color: colores.texto, margin: "0 0 10px", fontWeight: 600 },
  caja: { border: `1px solid ${colores.borde}`, borderRadius: "8px", padding: "16px", margin: "0 0 16px" },
  boton: { backgroundColor: colores.marca, color: "#ffffff", padding: "12px 18px", borderRadius: "6px", fontSize: "15px", textDecoration: "none", display: "inline-block", margin: "0 8px 8px 0" },
  botonSecundario: { color: colores.marca, border: `1px solid ${colores.marca}`, padding: "11px 17px", borderRadius: "6px", fontSize: "15px", textDecoration: "none", display: "inline-block", margin: "0 8px 8px 0" },
};

export function Marco({ vistaPrevia, contacto, children }: { vistaPrevia: string; contacto: Contacto; children: ReactNode }) {
  return (
    <Html lang="es">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{vistaPrevia}</Preview>
      <Body style={{ backgroundColor: colores.fondo, fontFamily: "Arial, Helvetica, sans-serif", margin: 0, padding: "24px 8px" }}>
        <Container style={{ maxWidth: "600px", width: "100%", backgroundColor: "#ffffff", borderRadius: "8px", padding: "24px" }}>
          <Text style={{ fontSize: "18px", fontWeight: 700, color: colores.marca, margin: "0 0 16px" }}>{contacto.agencia}</Text>
          {children}
          <Hr style={{ borderColor: colores.borde, margin: "24px 0 12px" }} />
          <Section>
            <Text style={{ ...estilos.texto, fontSize: "13px", color: colores.suave }}>
              {contacto.agencia} · {contacto.email} · {contacto.telefono}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Dato({ etiqueta, children }: { etiqueta: string; children: ReactNode }) {
  return (
    <>
      <Text style={estilos.etiqueta}>{etiqueta}</Text>
      <Text style={estilos.valor}>{children}</Text>
    </>
  );
}

/** The closing line of client emails: how to reach the agency. */
export function Dudas({ contacto }: { contacto: Contacto }) {
  return (
    <Text style={estilos.texto}>
      ¿Dudas? Escríbenos a {contacto.email} o llámanos al {contacto.telefono}.
    </Text>
  );
}
