// Any /api path that no route claims: the contract's JSON 404, whatever the method (not Next's HTML page).
import { conRegistro, json } from "@/lib/http/api";

// The path itself is not logged: it is whatever the caller typed.
const noExiste = conRegistro(async () => json({ detail: "La ruta solicitada no existe.", error_code: "RUTA_NO_ENCONTRADA" }, 404), "/api/{ruta-desconocida}");

export { noExiste as GET, noExiste as POST, noExiste as PUT, noExiste as PATCH, noExiste as DELETE };
