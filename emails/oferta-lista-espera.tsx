// Email to a client first in a waiting list when a place frees up: the offered date, until when it
// is held, and the link to accept or decline it. Subject: asuntoOferta().
import { Button, Heading, Section, Text } from "@react-email/components";
import { CONTACTO_EJEMPLO, type CorreoOfertaProps } from "./tipos";
import { Dato, Dudas, Marco, colores, estilos } from "./componentes/marco";

export const asuntoOferta = (reservaId: number) => `Se liberó un lugar para tu reserva #${reservaId}`;

export default function CorreoOferta(p: CorreoOfertaProps) {
  return (
    <Marco vistaPrevia={`${asuntoOferta(p.reservaId)}: acéptalo antes del ${p.venceEl}`} contacto={p.contacto}>
      <Heading as="h1" style={{ fontSize: "22px", color: colores.texto, margin: "0 0 16px" }}>
        {asuntoOferta(p.reservaId)}
      </Heading>
      <Text style={estilos.texto}>Hola {p.nombreCliente},</Text>
      <Text style={estilos.texto}>
        Estabas en la lista de espera y se liberó un lugar en la fecha que pediste. Lo guardamos para ti hasta el {p.venceEl}; después pasa a la
        siguiente persona de la lista.
      </Text>
      <Section style={estilos.caja}>
        <Dato etiqueta="Reserva">#{p.reservaId} · {p.destino}</Dato>
        <Dato etiqueta="Fecha actual">{p.fechaActual}</Dato>
        <Dato etiqueta="Fecha disponible">{p.fechaOfrecida}</Dato>
        <Dato etiqueta="Lugar reservado hasta">{p.venceEl}</Dato>
      </Section>
      <Text style={estilos.texto}>Al aceptar, tu reserva se reprograma con las condiciones habituales (reglas de la agencia y límite de cambios).</Text>
      <Section style={{ margin: "8px 0 16px" }}>
        <Button href={p.enlaceGestion ?? p.enlaceReserva} style={estilos.boton}>
          Aceptar o rechazar el lugar
        </Button>
      </Section>
      <Dudas contacto={p.contacto} />
    </Marco>
  );
}

CorreoOferta.PreviewProps = {
  nombreCliente: "Juan Pérez",
  reservaId: 1015,
  destino: "Salar de Uyuni",
  fechaActual: "jueves, 20 de noviembre de 2025, 10:30 (hora de America/La_Paz)",
  fechaOfrecida: "martes, 25 de noviembre de 2025, 10:30 (hora de America/La_Paz)",
  venceEl: "lunes, 17 de noviembre de 2025, 22:30 (hora de America/La_Paz)",
  contacto: CONTACTO_EJEMPLO,
  enlaceReserva: "http://localhost:3000/reservas/1015",
  enlaceGestion: "http://localhost:3000/gestionar/AbCdEfGhIjKlMnOpQrStUvWx",
} satisfies CorreoOfertaProps;
