// Account emails: a staff invitation (choose a password), a client's welcome (manage links, no
// password needed), password recovery and a one-time sign-in link. Subject: asuntoCuenta().
import { Button, Heading, Section, Text } from "@react-email/components";
import { CONTACTO_EJEMPLO, type CorreoCuentaProps, type VarianteCuenta } from "./tipos";
import { Dato, Dudas, Marco, colores, estilos } from "./componentes/marco";

const TEXTOS: Record<VarianteCuenta, { asunto: (agencia: string) => string; boton: string }> = {
  invitacion: { asunto: (a) => `Su cuenta en ${a}: elija su contraseña`, boton: "Elegir mi contraseña" },
  bienvenida: { asunto: (a) => `Bienvenido a ${a}`, boton: "Ir a mis reservas" },
  recuperacion: { asunto: (a) => `Restablecer su contraseña de ${a}`, boton: "Elegir una nueva contraseña" },
  acceso: { asunto: (a) => `Su enlace para ingresar a ${a}`, boton: "Ingresar" },
};

export const asuntoCuenta = (variante: VarianteCuenta, agencia: string) => TEXTOS[variante].asunto(agencia);

function Cuerpo(p: CorreoCuentaProps) {
  switch (p.variante) {
    case "invitacion":
      return (
        <Text style={estilos.texto}>
          {p.contacto.agencia} le creó una cuenta con el rol {p.rol}. Para empezar, elija su contraseña con el botón de abajo. El enlace sirve una sola vez y
          vence el {p.venceEl}.
        </Text>
      );
    case "bienvenida":
      return (
        <Text style={estilos.texto}>
          {p.contacto.agencia} registró su cuenta de cliente. No necesita contraseña: cada correo sobre una reserva trae un enlace «Gestionar mi reserva», y en
          la página de ingreso puede pedir un enlace de acceso a este correo.
        </Text>
      );
    case "recuperacion":
      return (
        <Text style={estilos.texto}>
          Recibimos un pedido para restablecer su contraseña. El enlace sirve una sola vez y vence el {p.venceEl}. Si usted no lo pidió, ignore este correo: su
          contraseña no cambia.
        </Text>
      );
    case "acceso":
      return (
        <Text style={estilos.texto}>
          Use este enlace para ingresar sin contraseña. Sirve una sola vez y vence el {p.venceEl}. Si usted no lo pidió, ignore este correo.
        </Text>
      );
  }
}

export default function CorreoCuenta(p: CorreoCuentaProps) {
  const asunto = asuntoCuenta(p.variante, p.contacto.agencia);
  return (
    <Marco vistaPrevia={asunto} contacto={p.contacto}>
      <Heading as="h1" style={{ fontSize: "22px", color: colores.texto, margin: "0 0 16px" }}>
        {asunto}
      </Heading>
      <Text style={estilos.texto}>Hola {p.nombre},</Text>
      <Cuerpo {...p} />
      {p.reservas.length > 0 ? (
        <Section style={estilos.caja}>
          {p.reservas.map((r) => (
            <Dato key={r.id} etiqueta={`Reserva #${r.id} · ${r.destino}`}>
              {r.fecha} · <a href={r.enlace}>Gestionar mi reserva</a>
            </Dato>
          ))}
        </Section>
      ) : null}
      <Section style={{ margin: "8px 0 16px" }}>
        <Button href={p.enlace} style={estilos.boton}>
          {TEXTOS[p.variante].boton}
        </Button>
      </Section>
      <Text style={{ ...estilos.texto, color: colores.suave, fontSize: "13px" }}>Si el botón no funciona, copie esta dirección en su navegador: {p.enlace}</Text>
      <Dudas contacto={p.contacto} />
    </Marco>
  );
}

CorreoCuenta.PreviewProps = {
  variante: "invitacion",
  nombre: "Carla Mamani",
  enlace: "http://localhost:3000/invitacion/AbCdEfGhIjKlMnOpQrStUvWx",
  venceEl: "jueves, 4 de diciembre de 2025, 10:30 (hora de America/La_Paz)",
  rol: "Operador",
  reservas: [],
  contacto: CONTACTO_EJEMPLO,
} satisfies CorreoCuentaProps;
