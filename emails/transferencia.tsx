// A reservation changed holder: the new holder gets it with their own manage link, the previous one
// is told it is no longer theirs, and each address in ADMIN_EMAILS gets the audit copy.
import { Button, Heading, Section, Text } from "@react-email/components";
import { CONTACTO_EJEMPLO, type CorreoTransferenciaProps } from "./tipos";
import { Dato, Dudas, Marco, colores, estilos } from "./componentes/marco";

export const asuntoTransferencia = (p: Pick<CorreoTransferenciaProps, "para" | "reservaId" | "de" | "a">) =>
  p.para === "nuevo"
    ? `${p.de.nombre} te transfirió la reserva #${p.reservaId}`
    : p.para === "anterior"
      ? `Tu reserva #${p.reservaId} ahora es de ${p.a.nombre}`
      : `[Auditoría] Reserva #${p.reservaId} transferida a ${p.a.nombre}`;

export default function CorreoTransferencia(p: CorreoTransferenciaProps) {
  return (
    <Marco vistaPrevia={asuntoTransferencia(p)} contacto={p.contacto}>
      <Heading as="h1" style={{ fontSize: "22px", color: colores.texto, margin: "0 0 16px" }}>
        {asuntoTransferencia(p)}
      </Heading>
      {p.para === "nuevo" && (
        <Text style={estilos.texto}>
          Hola {p.a.nombre}, la reserva es tuya desde ahora. Con el botón de abajo la ves y la gestionas sin contraseña.
        </Text>
      )}
      {p.para === "anterior" && <Text style={estilos.texto}>Hola {p.de.nombre}, la reserva pasó a {p.a.nombre} y ya no aparece entre las tuyas.</Text>}
      <Section style={estilos.caja}>
        <Dato etiqueta="Reserva">#{p.reservaId} · {p.destino}</Dato>
        <Dato etiqueta="Fecha del viaje">{p.fecha}</Dato>
        <Dato etiqueta="Titular anterior">{p.para === "agencia" ? `${p.de.nombre} (${p.de.email})` : p.de.nombre}</Dato>
        <Dato etiqueta="Nuevo titular">{p.para === "agencia" ? `${p.a.nombre} (${p.a.email})` : p.a.nombre}</Dato>
        {p.para !== "anterior" && <Dato etiqueta="Total">{p.total}{p.costo ? ` (incluye ${p.costo} de la transferencia)` : ""}</Dato>}
        {p.para === "agencia" && <Dato etiqueta="Hecha por">{p.hechoPor}</Dato>}
        <Dato etiqueta="Motivo">{p.motivo}</Dato>
      </Section>
      {p.enlace && (
        <Section style={{ margin: "8px 0 16px" }}>
          <Button href={p.enlace} style={estilos.boton}>
            {p.para === "nuevo" ? "Gestionar mi reserva" : "Abrir la reserva"}
          </Button>
        </Section>
      )}
      {p.para !== "agencia" && <Dudas contacto={p.contacto} />}
    </Marco>
  );
}

CorreoTransferencia.PreviewProps = {
  para: "nuevo",
  reservaId: 1015,
  destino: "Salar de Uyuni",
  fecha: "jueves, 20 de noviembre de 2025, 10:30 (hora de America/La_Paz)",
  de: { nombre: "Juan Pérez", email: "juan.perez@correo.bo" },
  a: { nombre: "Ana Quispe", email: "ana.quispe@correo.bo" },
  motivo: "No puedo viajar; viaja mi hermana",
  costo: "Bs 25,00",
  total: "Bs 2.425,00",
  hechoPor: "Juan Pérez",
  contacto: CONTACTO_EJEMPLO,
  enlace: "http://localhost:3000/gestionar/AbCdEfGhIjKlMnOpQrStUvWx",
} satisfies CorreoTransferenciaProps;
