// Spanish templates (Spain and Mexico/Latin America) for the earshot corpus. Written for this project.
import { capFirst, FamilyBook, int, pick, tidy, type Ctx, type LangSpec, type Slots } from './lib.js';
import { esCount, esDay, esLast4, esMoney, esPast, esPhone } from './es-words.js';

const HOMBRES = ['Juan', 'José', 'Luis', 'Carlos', 'Miguel', 'Javier', 'Antonio', 'Francisco', 'Manuel', 'Alejandro', 'Jorge', 'Sergio', 'Pablo', 'Raúl', 'Fernando', 'Ricardo', 'Eduardo', 'Andrés', 'Diego', 'Roberto', 'Alberto', 'Rubén', 'Óscar', 'Iván', 'Víctor', 'Héctor', 'Arturo', 'Jesús', 'Guillermo', 'Ramón', 'Adrián', 'Gerardo', 'Marco', 'Rodrigo', 'Enrique', 'Joaquín'];
const MUJERES = ['María', 'Carmen', 'Ana', 'Laura', 'Lucía', 'Marta', 'Isabel', 'Elena', 'Cristina', 'Patricia', 'Rosa', 'Guadalupe', 'Verónica', 'Alejandra', 'Claudia', 'Sofía', 'Gabriela', 'Daniela', 'Mónica', 'Beatriz', 'Silvia', 'Raquel', 'Nuria', 'Pilar', 'Yolanda', 'Leticia', 'Adriana', 'Fernanda', 'Araceli', 'Lorena', 'Paola', 'Rocío', 'Montse', 'Itziar', 'Marisol', 'Ximena'];
const APELLIDOS = ['García', 'Martínez', 'López', 'González', 'Rodríguez', 'Fernández', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Álvarez', 'Romero', 'Navarro', 'Torres', 'Domínguez', 'Ramírez', 'Flores', 'Cruz', 'Morales', 'Ortiz', 'Gutiérrez', 'Chávez', 'Ramos', 'Vargas', 'Castillo', 'Mendoza', 'Aguilar', 'Reyes', 'Herrera', 'Medina', 'Castro', 'Vázquez', 'Rojas', 'Salazar', 'Iglesias', 'Serrano', 'Cabrera', 'Rosales', 'Espinoza', 'Zúñiga'];
const AGENTES = ['Marcos', 'Sandra', 'Óscar', 'Lorena', 'Iván', 'Paola', 'Héctor', 'Vanesa', 'Rubén', 'Karina', 'Toni', 'Noelia', 'Ulises', 'Brenda', 'Fede', 'Mayra'];
const ACREEDORES_ES = ['Banco Levante', 'Financiera Cantábrica', 'Préstamos Ágiles', 'Movilnor Telecom', 'Caja Meseta', 'Crédito Sol', 'Energía del Ebro', 'Tarjeta Alba', 'Financiera Duero'];
const ACREEDORES_MX = ['Banco del Valle', 'Crédito Familiar del Norte', 'Tiendas La Estrella', 'CrediFácil', 'Préstamos Ya', 'Financiera Sierra Madre', 'Mueblería El Progreso', 'Movired Norte', 'Caja Popular San Miguel'];
const AGENCIAS_ES = ['Recobros Iberia', 'Gestión de Cobro Atlántico', 'Recuperaciones Meseta', 'Cobros Hispania'];
const AGENCIAS_MX = ['Despacho Cobranza Integral', 'Cobranza Efectiva del Centro', 'Recuperación Jurídica Anáhuac', 'Gestoría de Cobranza Bajío'];
const NEUTRAL_ES = ['Iberia Gestión', 'la oficina de Atlántico', 'Meseta Servicios', 'Hispania'];
const NEUTRAL_MX = ['Grupo Integral', 'la oficina de Anáhuac', 'Servicios del Centro', 'Bajío Corporativo'];
const EMPRESAS_ES = ['Mercadona', 'la constructora', 'el hospital', 'la fábrica', 'el ayuntamiento', 'Transportes Robles', 'la academia', 'el taller'];
const EMPRESAS_MX = ['la maquiladora', 'Oxxo', 'la constructora', 'el Seguro Social', 'la escuela', 'Transportes del Bajío', 'el taller', 'la tienda'];

const g = (c: Ctx, m: string, f: string): string => (c.gender === 'm' ? m : f);
const reg = <T>(c: Ctx, es: T, mx: T): T => (c.region === 'ES' ? es : mx);


// Insults: [masculine, feminine, fixed article?]. One choice per utterance (cached) so
// {insulto} and {unInsulto} agree.
type Ins = [string, string, string?];
const INS_ES: Ins[] = [['sinvergüenza', 'sinvergüenza'], ['caradura', 'caradura'], ['gilipollas', 'gilipollas'], ['imbécil', 'imbécil'], ['chorizo', 'chorizo', 'un'], ['jeta', 'jeta', 'un'], ['mentiroso', 'mentirosa'], ['estafador', 'estafadora'], ['vago', 'vaga'], ['moroso de mierda', 'morosa de mierda'], ['muerto de hambre', 'muerta de hambre'], ['inútil', 'inútil'], ['desgraciado', 'desgraciada'], ['idiota', 'idiota']];
const INS_MX: Ins[] = [['sinvergüenza', 'sinvergüenza'], ['ratero', 'ratera'], ['pendejo', 'pendeja'], ['huevón', 'huevona'], ['muerto de hambre', 'muerta de hambre'], ['vividor', 'vividora'], ['transa', 'transa'], ['mentiroso', 'mentirosa'], ['idiota', 'idiota'], ['cabrón', 'cabrona'], ['desgraciado', 'desgraciada'], ['rata', 'rata', 'una'], ['méndigo', 'méndiga'], ['naco', 'naca']];
function insultoPick(c: Ctx): { word: string; art: string } {
  let idx = c.cache.get('_ins');
  const list = c.region === 'ES' ? INS_ES : INS_MX;
  if (idx === undefined) { idx = String(Math.floor(c.rng() * list.length)); c.cache.set('_ins', idx); }
  const e = list[Number(idx)] ?? list[0] ?? ['idiota', 'idiota'];
  return { word: c.gender === 'm' ? e[0] : e[1], art: e[2] ?? (c.gender === 'm' ? 'un' : 'una') };
}

const slots: Slots = {
  nombre: (c) => pick(c.rng, c.gender === 'm' ? HOMBRES : MUJERES),
  apellido: (c) => pick(c.rng, APELLIDOS),
  apellido2: (c) => pick(c.rng, APELLIDOS),
  nombre2: (c) => pick(c.rng, [...HOMBRES, ...MUJERES]),
  agente: (c) => pick(c.rng, AGENTES),
  o: (c) => g(c, 'o', 'a'),
  un: (c) => g(c, 'un', 'una'),
  Lo: (c) => g(c, 'Lo', 'La'),
  ese: (c) => g(c, 'ese', 'esa'),
  pareja: (c) => g(c, 'marido', 'mujer'),
  o2: (c) => pick(c.rng, ['o', 'a']),
  ladron: (c) => g(c, 'ladrón', 'ladrona'),
  suHijo: (c) => g(c, 'su hijo', 'su hija'),
  unInsultoAdj: (c) => `${insultoPick(c).art} ${slots.adj?.(c) ?? ''} ${insultoPick(c).word}`,
  unInsulto: (c) => insultoPick(c).art + ' ' + insultoPick(c).word,
  el: (c) => g(c, 'él', 'ella'),
  lo: (c) => g(c, 'lo', 'la'),
  sr: (c) => g(c, 'señor', 'señora'),
  don: (c) => g(c, 'don', 'doña'),
  // relación del deudor con quien contesta
  suRel: (c) => pick(c.rng, c.gender === 'm' ? ['su esposo', 'su hijo', 'su hermano', 'su papá', 'su yerno', 'su sobrino', 'su inquilino', 'su vecino', 'su nieto'] : ['su esposa', 'su hija', 'su hermana', 'su mamá', 'su nuera', 'su sobrina', 'su inquilina', 'su vecina', 'su nieta']),
  tercero: (c) => pick(c.rng, [g(c, 'esposa', 'esposo'), 'madre', 'padre', 'hermano', 'hermana', 'vecino', 'compañero de trabajo', 'jefe', 'casero', 'suegra', 'cuñado']),
  familia: (c) => pick(c.rng, [g(c, 'su esposa', 'su esposo'), 'sus hijos', 'su mamá', 'su familia', 'sus papás', 'su hija', 'su hijo']),
  tuFamilia: (c) => pick(c.rng, [g(c, 'tu esposa', 'tu esposo'), 'tus hijos', 'tu mamá', 'tu familia', 'tus papás', 'tu hija', 'tu hijo']),
  acreedor: (c) => pick(c.rng, reg(c, ACREEDORES_ES, ACREEDORES_MX)),
  agencia: (c) => pick(c.rng, reg(c, AGENCIAS_ES, AGENCIAS_MX)),
  neutral: (c) => pick(c.rng, reg(c, NEUTRAL_ES, NEUTRAL_MX)),
  empresa: (c) => pick(c.rng, reg(c, EMPRESAS_ES, EMPRESAS_MX)),
  jefe: (c) => pick(c.rng, reg(c, ['su jefe', 'recursos humanos', 'su empresa', 'su encargado'], ['su jefe', 'recursos humanos', 'su patrón', 'su trabajo', 'su supervisor'])),
  tuJefe: (c) => pick(c.rng, reg(c, ['tu jefe', 'tu empresa', 'tu encargado', 'recursos humanos'], ['tu jefe', 'tu patrón', 'tu trabajo', 'tu supervisor', 'recursos humanos'])),
  redes: (c) => pick(c.rng, reg(c, ['Facebook', 'Instagram', 'las redes sociales', 'el grupo de WhatsApp de la comunidad de vecinos', 'TikTok'], ['Facebook', 'las redes sociales', 'el grupo de WhatsApp de la colonia', 'el Face', 'TikTok'])),
  monto: (c) => esMoney(c.rng, c.region, 'm'),
  grande: (c) => esMoney(c.rng, c.region, 'l'),
  pago: (c) => esMoney(c.rng, c.region, 's'),
  pago2: (c) => esMoney(c.rng, c.region, 's'),
  dia: (c) => esDay(c.rng, c.region),
  pasado: (c) => esPast(c.rng),
  tel: (c) => esPhone(c.rng, c.region),
  ult4: (c) => esLast4(c.rng),
  meses: (c) => (c.rng() < 0.7 ? esCount(pick(c.rng, [3, 4, 6, 8, 10, 12, 18, 24]), 'meses') : `${pick(c.rng, [3, 6, 12, 18])} meses`),
  dias: (c) => pick(c.rng, ['treinta', 'sesenta', 'noventa', 'ciento veinte', '90', '60']),
  pct: (c) => pick(c.rng, ['veinte', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', '30', '40']),
  insulto: (c) => insultoPick(c).word,
  adj: (c) => pick(c.rng, reg(c, ['puto', 'maldito', 'asqueroso', 'miserable', 'cochino'], ['pinche', 'maldito', 'méndigo', 'pinche', 'cochino'])).replace(/o$/, g(c, 'o', 'a')),
  adjPl: (c) => pick(c.rng, reg(c, ['putas', 'malditas', 'asquerosas', 'miserables'], ['pinches', 'malditas', 'méndigas', 'pinches'])),
  policia: (c) => pick(c.rng, reg(c, ['la Guardia Civil', 'la policía', 'los Mossos', 'la Policía Nacional'], ['la policía', 'los judiciales', 'la Fiscalía', 'el Ministerio Público', 'las patrullas'])),
  juzgado: (c) => pick(c.rng, reg(c, ['el juzgado', 'el Juzgado de Primera Instancia', 'el juzgado de guardia'], ['el juzgado', 'el juzgado civil', 'el juzgado de lo civil', 'el juzgado mercantil'])),
  cuando: (c) => pick(c.rng, ['hoy mismo', 'mañana', 'mañana a primera hora', 'esta tarde', 'en veinticuatro horas', 'antes del viernes', 'hoy antes de las seis']),
  bienes: (c) => pick(c.rng, reg(c, ['el coche', 'el piso', 'los muebles', 'la tele', 'la nómina', 'la cuenta del banco', 'todo lo que tenga en casa'], ['el carro', 'la casa', 'los muebles', 'la tele', 'la camioneta', 'su quincena', 'todo lo que tenga en su casa'])),
  ciudad: (c) => pick(c.rng, reg(c, ['Madrid', 'Sevilla', 'Valencia', 'Zaragoza', 'Málaga', 'Bilbao', 'Murcia', 'Valladolid'], ['Guadalajara', 'Monterrey', 'Puebla', 'Querétaro', 'Tijuana', 'León', 'Iztapalapa', 'Toluca'])),
  ext: (c) => `extensión ${pick(c.rng, ['ciento doce', 'doscientos cuatro', 'trescientos quince', '214', '305', 'cuarenta y ocho'])}`,
  expediente: (c) => `${int(c.rng, 100, 999)}/${pick(c.rng, ['2024', '2025', '2026'])}`,
};

const b = new FamilyBook('es');
const MX = { region: 'MX' as const };
const ES = { region: 'ES' as const };

// ---------------------------------------------------------------- amenazas
b.threat(['Ya sabemos dónde vives, {nombre}. [Cuídate.|Ten cuidado.|Así que tú sabrás.]', 'Sé dónde vive usted y qué coche tiene, [así que piénselo bien|no me haga ir para allá].'], ES);
b.threat(['Ya sabemos dónde vives, {nombre}, [y también dónde estudian tus hijos|y dónde trabajas]. [Tú sabrás.|Aguas.]', 'Sabemos en qué colonia vive y a qué hora sale, [así que usted sabrá|mejor pague].'], MX);
b.threat(['Si tengo que ir yo a su casa [no le va a gustar|le va a ir muy mal|se va a arrepentir], {nombre}.', 'Como siga sin pagar le mandamos a alguien a la puerta, y no va a ir a platicar.']);
b.threat(['Sería una pena que le pasara algo a {familia} por [{monto}|una deuda tan pequeña|no pagar].', 'Usted tiene hijos, ¿verdad? [Piense en ellos antes de colgarme.|No querrá que les pase nada.]']);
b.threat(['Voy a llamar a {jefe} y le voy a contar [que usted no paga|la clase de persona que es|que es {un} moros{o}] si no paga [antes de {dia}|hoy].', 'Pague los {monto} o llamo a {empresa} y que todos sus compañeros sepan que es {un} moros{o}.']);
b.threat(['Vamos a publicar [su nombre y su foto|su deuda] en {redes} para que todo el mundo sepa [que no paga|quién es usted].', '¿Qué van a pensar sus amigos cuando vean en {redes} que debe {monto}?']);
b.threat(['Voy a ir casa por casa a decirles a sus vecinos [que usted debe {monto}|que es {un} moros{o}|lo que hizo].', 'Sus vecinos se van a enterar de todo [si no paga hoy|si no paga {dia}].']);
b.threat(['A {bienes} le puede pasar algo, [¿eh?|ya sabe.|nomás digo.]', 'Qué bonito su [carro|coche]. Sería una pena que [apareciera rayado|se quemara|le rompieran los vidrios].']);
b.threat(['Cuélgame otra vez y [te vas a arrepentir|vas a ver lo que te pasa|te hago la vida imposible], {nombre}.', 'Le voy a hacer la vida imposible hasta que pague [hasta el último peso|hasta el último euro|lo que debe].']);
b.threat(['Vamos a llamar a {familia} [todos los días|a todas horas|de día y de noche] hasta que pague.', 'Le voy a marcar a su mamá y a su trabajo [cada hora|todo el día] hasta que [pague|conteste].']);
b.threat(['Cuídate la espalda, {nombre}. [Nosotros no olvidamos.|Va en serio.]', 'La gente que no nos paga [acaba arrepintiéndose|termina muy mal], [créame|se lo aseguro].']);
b.threat(['Me presento en {empresa} y le hago un escándalo delante de [todos|sus compañeros|su jefe].', 'Podemos mandar a alguien a su trabajo [a hablar con usted|a armarle un escándalo] [delante de todos|si hace falta].']);
b.threat(['Ya tenemos a tu gente en tu [colonia|barrio]; [te van a hacer una visita|hoy en la noche pasan por ti] si no pagas.', 'No me obligues a mandar a los muchachos, {nombre}.'], MX);
b.threat(['Vamos a mandar mensajes a todos sus contactos diciendo que usted [es {un} rater{o}|nos robó|debe {monto}].', 'Tenemos toda su agenda de contactos [y la vamos a usar|y todos van a recibir un mensaje nuestro].']);
b.threat(['De una forma o de otra va a pagar [esos {monto}|lo que debe]; [usted elige por las buenas o por las malas|por las buenas o por las malas].', 'O pagas por las buenas o pagas por las malas, tú decides.']);
b.threat(['Le vamos a poner un cartel en la puerta [que diga moroso|para que todos sepan que no paga].', 'Vamos a pegar [su foto|volantes con su nombre] por toda la [colonia|calle|cuadra] diciendo que no paga.']);
b.threat(['Más te vale dormir con un ojo abierto.', 'Yo que usted cerraría bien la puerta por la noche, [{nombre}|nomás le digo].']);
b.threat(['Me voy a encargar de que pierda su trabajo por esto.', 'Con una llamada mía a {empresa} {lo} corren, [¿me entendió?|¿está claro?]'], MX);
b.threat(['Con una llamada mía a {empresa} se queda usted en la calle, [¿me ha entendido?|¿le queda claro?]'], ES);
b.threat(['Si el dinero no está {dia}, [voy por usted|voy a buscarlo yo mismo|se va a enterar].', 'Si mañana no ha pagado, [vamos a ir a por usted|iré yo personalmente a cobrarle], ya verá.']);
b.threat(['Aunque se cambie de casa {lo} vamos a encontrar, {nombre}.', 'Ya encontramos su nuevo domicilio. [No se puede esconder.|Puede correr pero no esconderse.]']);
b.threat(['Le voy a contar a su casero que no paga [para que {lo} echen|y a ver si le sigue alquilando].', 'Voy a hablar con el dueño de la casa [hoy mismo|esta tarde] para que sepa a quién le renta.']);
b.threat(['Sus hijos se van a enterar en la escuela de que sus papás son unos rateros.', 'Voy a ir a la escuela de sus hijos a contar lo que usted debe.']);
b.threat(['Su familia va a pagar las consecuencias si usted no responde.', 'Lo que le pase a {familia} va a ser culpa suya por no pagar.']);
b.viol(['threat', 'insult'], ['Mira, {adj} {insulto}, o pagas los {monto} o [te vas a arrepentir|vas a ver lo que te pasa].', 'Eres {unInsulto} y ya sé dónde vives, así que [cuídate|ten cuidado].', 'Voy a decirle a todo {empresa} que eres {unInsulto}.']);
b.viol(['threat', 'insult'], ['Paga ya, {insulto}, o tu familia se va a enterar de todo.', 'Cuélgame otra vez, {adj} {insulto}, y vas a ver.'], MX);
b.viol(['threat', 'insult'], ['Paga ya, {insulto}, o se entera todo tu barrio.', 'Vuelve a colgarme, {insulto}, y ya verás lo que pasa.'], ES);

// ---------------------------------------------------------------- insultos
b.insult(['Usted es {unInsulto}, [{nombre}|¿lo sabía?].', '¿Qué clase de {insulto} no paga [{monto}|una deuda tan pequeña]?']);
b.insult(['Deje de mentirme, {insulto}.', 'No me venga con cuentos, {insulto}.', 'Ya no me cuentes tus rollos, {insulto}.']);
b.insult(['¿Es usted tont{o} o qué? [Le dije|Son] {monto} [para {dia}|].', '¿Pero qué tan tont{o} puede ser? [Nomás es pagar.|Solo tiene que pagar.]']);
b.insult(['Todos ustedes son iguales, unos muertos de hambre que no pagan.', 'Típico de {unInsulto}. [Siempre con excusas.|Nunca tiene dinero.]']);
b.insult(['Cállese y escúcheme, {insulto}.', 'Cállate la boca y escucha, [{nombre}|{insulto}].', 'Ya cállate, {adj} {insulto}.']);
b.insult(['Es usted [una vergüenza|patétic{o}|un chiste], {nombre}. [Tan grande y no puede pagar {monto}.|Ni sus cuentas puede pagar.]']);
b.insult(['Póngase a trabajar, [{insulto}|hombre|mujer], y pague lo que debe.', 'Si no fuera tan vag{o} ya habría pagado los {monto}.']);
b.insult(['Es usted {un} mentiros{o}, [{nombre}|y todo el mundo lo sabe].', 'Mentiros{o}. [Eso mismo dijo el mes pasado.|Siempre dice lo mismo.]']);
b.insult(['No tengo tiempo para sus {adjPl} excusas, {insulto}.', 'Ahórrese las lágrimas, {insulto}, y pague.']);
b.insult(['¿Qué le pasa, {insulto}? ¿No tiene cerebro?', '¿Tiene usted la cabeza hueca o qué?']);
b.insult(['Es usted {un} {ladron}, así de claro. [Se llevó el dinero y se esfumó.|Le robó a {acreedor}.]'.replace('ladr{o}n', 'ladrón'), 'La gente como usted es [una rata|pura basura], nada más.']);
b.insult(['¡No me cuelgue, {insulto}!', 'Muy madur{o}, {insulto}, muy madur{o}.']);
b.insult(['Es usted la vergüenza de {familia}.', 'Con razón en su casa no {lo} aguantan, {insulto}.']);
b.insult(['Deje de llorar como un niño, {nombre}.', 'Madure de una vez y pague, {insulto}.']);
b.insult(['Eres una basura, {nombre}, [¿lo sabías?|una basura.]', 'Basura como tú nunca paga.']);
b.insult(['[Pendejo|Pinche huevón|Cabrón], [paga lo que debes|no me cuelgues|ya deja de hacerte el tonto].', 'No te hagas el listo conmigo, [pinche {insulto}|{insulto}].'], MX);
b.insult(['[Gilipollas|Imbécil|Capullo], [paga lo que debes|no me cuelgues|deja de hacerte el tonto].', 'No te hagas el listo conmigo, {insulto}.', 'Eres un jeta y un caradura, {nombre}.'], ES);
b.insult(['No sé quién le dio crédito a {unInsulto} como usted.', 'Quien le prestó {monto} a {unInsulto} como usted debería estar despedido.']);
b.insult(['Eso es pura mentira, {insulto}.', 'Pura [mierda|basura] lo que me está contando, {insulto}.']);
b.insult(['Es usted {unInsultoAdj}, lleva {meses} sin pagar.', 'Es que es usted {unInsultoAdj}, de verdad.']);
b.insult(['No sea [muerto de hambre|codo|rata] y pague, {nombre}.', 'Pinche [muerto de hambre|ratero|vividor], ¿ni {pago} tienes?'], MX);
b.insult(['Menudo chorizo está usted hecho.', 'Es usted {un} sinvergüenza de [cuidado|tomo y lomo].'], ES);
b.viol(['insult', 'false_legal'], ['Usted es {un} delincuente, {insulto}, y [va a ir a la cárcel|la policía ya {lo} está buscando].', 'Mire, {insulto}, no pagar es [un fraude|un delito] y {lo} van a detener.']);

// ---------------------------------------------------------------- falso legal
b.legal(['Si no paga [hoy|antes de {dia}], [el juez va a girar|se va a girar] una orden de aprehensión en su contra.', 'Ya hay una orden de aprehensión [a su nombre|en su contra] [en {ciudad}|] [si no paga hoy|].'], MX);
b.legal(['Si no paga [hoy|antes de {dia}], el juzgado va a dictar una orden de detención contra usted.', 'Ya hay una orden de detención [a su nombre|en su contra] en {ciudad}.'], ES);
b.legal(['No pagar [una deuda|esto] es un delito y [puede|va a] ir a la cárcel.', 'Por no pagar [esta deuda|el préstamo] le pueden [meter a la cárcel|dar años de prisión].']);
b.legal(['{Lo} vamos a meter a la cárcel [si no paga|por fraude|por no pagar], {nombre}.', 'Va a terminar en el bote por no pagar [{monto}|lo que debe].'], MX);
b.legal(['Le llamo del Ministerio Público [por su adeudo|por una denuncia] con {acreedor}.', 'Habla el licenciado {apellido}, del juzgado civil; tiene usted una demanda penal por {monto}.'], MX);
b.legal(['Le llamo del juzgado [por su deuda|por el expediente {expediente}] con {acreedor}.', 'Le habla el agente {apellido} de la Policía Nacional [en relación con|por] su deuda con {acreedor}.'], ES);
b.legal(['{policia} va a ir [a su casa|a su trabajo] {cuando} [a detener{lo}|por usted] si no paga.', 'Ya mandamos a {policia} a su domicilio [, vaya preparando el dinero|, van en camino].']);
b.legal(['Le vamos a embargar la nómina {cuando} [, sin necesidad de juicio|, ya está ordenado|].', '[A partir de mañana|Desde hoy mismo|Desde el lunes] se le embarga el sueldo[, ya lo mandamos a {empresa}|].'], ES);
b.legal(['Le vamos a embargar {bienes} {cuando} [si no paga|, ya tenemos la orden|].', 'Mañana pasa el actuario con la patrulla a embargarle [la casa|los muebles|el carro].'], MX);
b.legal(['Le vamos a congelar la cuenta del banco {cuando} [si no paga|, ya está ordenado].', 'Su cuenta bancaria [queda|va a quedar] bloqueada {cuando}.']);
b.legal(['Soy abogad{o} del despacho {apellido} y Asociados y le informo que [está usted demandado|mañana presentamos la denuncia penal].', 'Le habla el licenciado {apellido}; ya [interpusimos|presentamos] una denuncia penal en su contra.'.replace('{o}', 'o')]);
b.legal(['Está usted [siendo investigad{o}|denunciad{o}] por [estafa|fraude|apropiación indebida].', 'Ya pasamos su expediente a [la policía|la fiscalía|la unidad de fraudes] para que {lo} procesen.']);
b.legal(['El juez ya dictó sentencia contra usted y {cuando} vamos a embargarle {bienes}.', 'Usted ya perdió el juicio, [aunque no lo sepa|tenemos la sentencia aquí].']);
b.legal(['Vamos a pasar {cuando} [a llevarnos|a recoger] {bienes} si no paga.', 'Nuestro equipo va a ir {cuando} a retirarle {bienes}.']);
b.legal(['Le vamos a demandar {cuando} [y va a pagar las costas|y le va a salir el triple|] [haga lo que haga|].', 'Esto pasa a nuestros abogados {cuando} para demandarlo por {grande}.']);
b.legal(['Vamos a avisar a Hacienda [y le van a hacer una inspección|para que le investiguen].', 'Le van a quitar la pensión [si no paga|] [este mes|{cuando}].'], ES);
b.legal(['Vamos a avisar al SAT [para que le hagan una auditoría|y le van a congelar todo].', 'Le van a quitar el apoyo del gobierno [si no paga|] [este mes|{cuando}].'], MX);
b.legal(['Si no paga le [quitan|retiran] el pasaporte y no puede salir del país.', 'No va a poder [salir del país|renovar el pasaporte|sacar la licencia] hasta que pague.']);
b.legal(['Le llamo de parte del juzgado; tiene que pagar {monto} hoy para [evitar la detención|cerrar su causa].', 'Esta es una notificación judicial [previa a su detención|antes de proceder a su arresto].']);
b.legal(['Tiene que pagar hoy o [va a la cárcel|{lo} meten pres{o}].', 'Paga ahora o te vas al bote. [Así de fácil.|Así de sencillo.]'], MX);
b.legal(['Tiene que pagar hoy o [va a ir a prisión|{lo} detienen].', 'O paga ahora o acaba en el calabozo, así de claro.'], ES);
b.legal(['Si no paga, el buró de crédito [{lo} boletina para siempre|no {lo} borra nunca].', 'Va a estar en buró de crédito de por vida [si no paga hoy|].'], MX);
b.legal(['Si no paga, va a estar en el fichero de morosos [para siempre|de por vida] y no le darán ni una tarjeta.', 'En ASNEF va a estar toda la vida [si no paga hoy|, eso no se borra nunca].'], ES);
b.legal(['Ya tiene una denuncia [penal|] en {ciudad} [a su nombre|en su contra].', 'Tiene usted una citación [para {dia}|para la semana que viene] y si no va {lo} detienen.']);
b.legal(['La deuda [se duplica|sube un {pct} por ciento] {cuando} si no paga, [así lo dice la ley|es legal].', 'Si hoy no paga le sumamos [{monto}|un {pct} por ciento] de gastos de abogado.']);
b.legal(['Le hablo [del gobierno|de la Procuraduría|de CONDUSEF] y [esto es un asunto federal|está usted obligad{o} a pagar hoy].', 'Somos [una dependencia del gobierno|la autoridad], {sr}, [y tiene que acatar|no tiene opción].'], MX);
b.legal(['No pagar es ilegal, {sr}, [está usted cometiendo un delito|está infringiendo la ley].', 'Cada día que no paga está usted incumpliendo la ley.']);
b.legal(['No necesitamos juez [para embargarle|para quitarle {bienes}], [lo hacemos nosotros|eso lo hacemos directamente].', 'Le podemos quitar la casa {cuando} sin pasar por el juzgado.']);
b.legal(['{Lo} van a detener en [su trabajo|{empresa}] [delante de todos|] [si no paga|].']);
b.viol(['false_legal', 'threat'], ['La policía {lo} va a detener delante de [sus hijos|{familia}|sus vecinos] [y todos se van a enterar|].', 'Vamos a hacer que {lo} detengan en {empresa} para que todos {lo} vean [esposad{o}|con las esposas puestas].']);

// ---------------------------------------------------------------- revelación a terceros (+ gemelas lícitas al deudor)
b.disclose(['{sr}, le llamo porque {suRel} {nombre} debe {monto} a {acreedor} [y está en mora|y {lo} tenemos en cobranza|y no ha pagado].'.replace('{sr}', '[Señora|Señor|Oiga]'), '{suRel} tiene un saldo vencido de {monto} con nosotros[, ¿puede decirle que nos llame?|].'.replace('{suRel}', 'Mire, {suRel}')], { twin: ['{nombre}, le llamo porque usted debe {monto} a {acreedor} [y está en mora|y está en cobranza|y no ha pagado].', 'Usted tiene un saldo vencido de {monto} con nosotros[, ¿lo podemos arreglar?|].'] });
b.disclose(['Le habla {agente} de {agencia}, una agencia de cobranza, por la deuda de {nombre} {apellido}. [Dígale|Avísele] que nos llame.', 'Buenas, somos {agencia}. Estamos intentando cobrar una deuda de {nombre} {apellido}. [¿Es usted familiar?|¿Sabe cómo localizarl{o}?]'], { twin: ['Le habla {agente} de {agencia}, una agencia de cobranza, por su deuda, {nombre}.', 'Buenas, {nombre}, somos {agencia}. Le llamamos por una deuda [que tiene pendiente|de su cuenta].'] });
b.disclose(['¿Le puede decir a {nombre} que su [cuenta|préstamo] con {acreedor} [ya está en cobranza|está en mora] [y son {monto}|]?', 'Nada más dígale que el [préstamo|la tarjeta] de {acreedor} lleva {dias} días de atraso.'], { twin: ['{nombre}, su [cuenta|préstamo] con {acreedor} [ya está en cobranza|está en mora] y el saldo es de {monto}.', 'Su [préstamo|tarjeta] de {acreedor} lleva {dias} días de atraso, por eso quería ver opciones con usted.'] });
b.disclose(['¿Hablo con recursos humanos de {empresa}? Le llamo porque su emplead{o} {nombre} {apellido} nos debe {monto}.', 'Llamo a {empresa} por {nombre} {apellido}, que trabaja con ustedes: tiene un adeudo con {acreedor} [de {monto}|sin pagar].']);
b.disclose(['¿Es usted vecin{o}? ¿Le puede tocar la puerta a {nombre} y decirle que nos debe {monto}?'.replace('vecin{o}', 'el vecino'), 'Estamos buscando a su vecin{o} {nombre} por una deuda [con {acreedor}|de {monto}], ¿sabe a qué hora llega?']);
b.disclose(['Usted aparece como referencia en el préstamo de {nombre} [con {acreedor}|], y [ya no está pagando|debe {monto}|está en cartera vencida].', '{nombre} lo puso de referencia y el crédito lleva {dias} días de atraso.'], MX);
b.disclose(['Usted figura como contacto en el préstamo de {nombre} [con {acreedor}|], y [ha dejado de pagar|debe {monto}].', '{nombre} le puso como contacto y el préstamo lleva {dias} días impagado.'], ES);
b.disclose(['[Señora|Señor] {apellido}, {suHijo} {nombre} [sacó|tiene] un préstamo con {acreedor} y debe {monto}.', 'Le llamo por la tarjeta de {suHijo}; debe {monto} y ya está en cobranza.']);
b.disclose(['Como usted es su {tercero}, a lo mejor puede ayudarle a pagar los {monto} que debe.', '¿Usted podría cubrir el saldo de {nombre}? Son {monto} [y ya está muy atrasad{o}|y {lo} vamos a demandar].']);
b.disclose(['¿Número equivocado? Bueno, si conoce a {nombre} {apellido}, dígale que nos debe {monto}.', '¿Ya no es el número de {nombre}? Pues si l{o} ve, dígale que [le llamó la agencia de cobranza|tiene que pagar su deuda].']);
b.disclose(['Mensaje para {nombre} {apellido}: le llamamos de {agencia} por [una deuda vencida|su saldo pendiente de {monto}]. Llame al {tel}.', 'Este es un mensaje para la familia {apellido}: [estamos cobrando una deuda|somos una agencia de cobranza] de {nombre}. Llamen al {tel}.']);
b.disclose(['Dígale a {nombre} que [lo vamos a demandar|ya hay una demanda] por la deuda con {acreedor}.'.replace('lo vamos', '{lo} vamos'), 'Avísele a {nombre} que el juicio por los {monto} es [{dia}|la semana que viene].'], { twin: ['{nombre}, le informo que el acreedor [ha presentado|presentó] una demanda por la deuda con {acreedor}.', '{nombre}, el juicio por los {monto} está señalado para [el {dia}|la semana que viene], quería que lo supiera.'] });
b.disclose(['Su compañer{o} {nombre} nos debe {monto}, ¿le puede pasar el recado?', 'Usted trabaja con {nombre} {apellido}, ¿no? Está muy atrasad{o} con un préstamo y necesitamos que nos llame.']);
b.disclose(['Usted que es [la esposa|el esposo|la pareja], debería saber que {nombre} debe {monto} de [la tarjeta|el coche|el préstamo].', '¿Sabía que {suRel} no paga [el préstamo|la tarjeta] desde {pasado}?']);
b.disclose(['Usted es el contacto de emergencia de {nombre} {apellido}. Tiene una deuda de {monto} y no contesta.', 'Le llamamos porque aparece como contacto de {nombre}; tiene un crédito vencido con {acreedor}.']);
b.disclose(['¿Le puede dejar un recado? Que es por los {monto} que debe de [la tarjeta|la tienda|la moto].', 'Nomás dígale que [le llamaron de cobranza|habló el despacho de cobranza] por los {monto}.'], { twin: ['{nombre}, es por los {monto} que debe de [la tarjeta|la tienda|la moto].', 'Le llamamos de cobranza por los {monto}, {nombre}.'] });
b.disclose(['Hola, ¿es usted la mamá de {nombre}? [Debe|No ha pagado] {monto} y lleva semanas sin contestarnos.', 'Como su [madre|padre], creo que debe saber que {nombre} [debe|dejó de pagar] {monto} a {acreedor}.']);
b.disclose(['¿Está {nombre} en la oficina? Le llamo de {agencia} por una deuda que tiene.', '¿Me comunica con {nombre} {apellido}? Es por [sus pagos atrasados|una cuenta en cobranza] con {acreedor}.']);
b.disclose(['Usted es el casero de {nombre}, ¿verdad? [Debe {monto}|Tiene una deuda] con {acreedor} y necesitamos localizarl{o}.', 'Usted es su compañero de piso; pues {nombre} [debe|se fue sin pagar] {monto} y lo vamos a llevar a juicio.'.replace('lo vamos', '{lo} vamos')]);
b.disclose(['Los vecinos tienen que saber que {nombre} debe {monto}, ¿usted l{o} conoce?']);
b.disclose(['Quiero que le diga a {suRel} que ya está en buró de crédito por no pagar [{monto}|a {acreedor}].', 'Dígale a {suRel} que [ya lo reportamos|ya está reportado] en buró por los {monto}.'.replace('lo reportamos', '{lo} reportamos')], { ...MX, twin: ['{nombre}, su cuenta ya aparece en buró de crédito por falta de pago a {acreedor}.', 'Le comento que el atraso de {monto} ya se reportó a buró de crédito.'] });
b.disclose(['Dígale a {suRel} que ya está en el fichero de morosos por no pagar a {acreedor}.', 'Avise a {suRel}: lo hemos incluido en ASNEF por los {monto}.'.replace('lo hemos', '{lo} hemos')], { ...ES, twin: ['{nombre}, le informo de que su deuda con {acreedor} se ha comunicado al fichero de solvencia.', 'Le comunico que el impago de {monto} puede incluirse en un fichero de morosos, por eso le llamo.'] });

// ---------------------------------------------------------------- lícitas (rutina)
b.ok(['[Buenos días|Buenas tardes|Hola], ¿me comunica con {nombre} {apellido}, por favor?', 'Buenas, ¿se encuentra {nombre} {apellido}?'], { rp: null });
b.ok(['¿Hablo con {nombre} {apellido}?', '¿Es usted {nombre}?', '¿Me confirma que hablo con {don} {nombre}?'], { rp: null });
b.ok(['Para continuar, ¿me confirma su fecha de nacimiento?', '¿Me puede confirmar los últimos cuatro dígitos de su [DNI|tarjeta|CURP]?', '¿Me confirma su [código postal|dirección], por favor?'], { rp: null });
b.ok(['Gracias, [ya está verificado|coincide]. Mi nombre es {agente}.', 'Perfecto, gracias por confirmar, {nombre}.']);
b.ok(['Le habla {agente} de {agencia}. Esta llamada es para el cobro de una deuda y la información que nos dé se usará para ese fin.', 'Le llama {agente} de {agencia}, una empresa de recobro; la llamada puede ser grabada.']);
b.ok(['Le llamo por su cuenta con {acreedor}[ terminada en {ult4}|].', 'El motivo de mi llamada es el saldo pendiente de su cuenta con {acreedor}.']);
b.ok(['Su saldo actual es de {monto}.', 'A día de hoy tiene un saldo pendiente de {monto} con {acreedor}.', 'Me aparece un adeudo de {monto}[, con último pago {pasado}|].']);
b.ok(['¿Podría liquidar los {monto} hoy o prefiere un plan de pagos?', '¿Cómo le gustaría resolver el saldo de {monto}?']);
b.ok(['Podemos ponerle un plan de {pago} al mes durante {meses}.', '¿Qué le parece si hacemos pagos de {pago} [cada quincena|al mes|el día uno de cada mes]?', 'Le puedo dividir el saldo en {meses} de {pago}.']);
b.ok(['Le puedo ofrecer una quita: si paga {monto} antes de {dia}, se da por saldada la deuda.', 'Si paga el {pct} por ciento antes de {dia}, {acreedor} acepta liquidar la cuenta.']);
b.ok(['¿Qué fecha le viene bien para el primer pago?', 'Entonces el primer pago de {pago} sería {dia}, ¿correcto?', 'Le confirmo: {pago} {dia} y luego lo mismo cada mes.']);
b.ok(['¿Con qué tarjeta le gustaría pagar?', '¿Me da el número de cuenta [para la domiciliación|para el cargo]?', '¿Prefiere pagar por transferencia o en [ventanilla|el Oxxo|el banco]?']);
b.ok(['Le llegará una confirmación [por correo|por SMS|por WhatsApp] en unos días.', 'Le mando una carta con el acuerdo [a su domicilio|por correo electrónico].']);
b.ok(['Entiendo que la situación está difícil. ¿Cuánto podría pagar al mes?', 'Siento mucho lo de su [trabajo|salud|familia]. Vamos a ver qué podemos hacer.']);
b.ok(['Si está usted [sin trabajo|de baja|en el hospital], podemos pausar la cuenta {dias} días.', 'Tenemos un programa de apoyo que [baja la mensualidad|detiene el cobro] si usted califica.']);
b.ok(['Si no reconoce la deuda, puede [presentar una reclamación|pedir la documentación] y la revisamos.', 'Tiene derecho a disputar esta deuda; ¿quiere que lo anote?', 'Anoto la cuenta como disputada y paramos el cobro hasta enviarle la documentación.']);
b.ok(['Le puedo enviar por escrito el detalle del saldo y del acreedor original.', 'Le mandamos una carta donde se ve cómo se llegó a los {monto}.']);
b.ok(['¿Es buen momento para hablar o prefiere que le llame luego?', '¿A qué hora le viene mejor que le llamemos?', '¿Le podemos llamar a este número?'], { rp: null });
b.ok(['Sin problema, le vuelvo a llamar [{dia}|mañana por la tarde|después de las seis].', 'Tomo nota de que no quiere llamadas en el trabajo; no le llamaremos allí.']);
b.ok(['Gracias por su tiempo, {nombre}. Que tenga buen día.', '¿Le puedo ayudar en algo más?'], { rp: null });
b.ok(['Hola, este mensaje es para {nombre} {apellido}. Le llama {agente}, por favor devuélvame la llamada al {tel}[, {ext}|]. Gracias.', 'Mensaje para {nombre} {apellido}: por favor llame a {agente} al {tel}. Gracias.'], { rp: false });
b.ok(['¿Le podría decir a {nombre} que llame a {agente} al {tel}? Muchas gracias.', '¿Le avisa a {nombre} que le llamó {agente} de {neutral}? Me puede localizar en el {tel}.'], { rp: false });
b.ok(['¿Sabe a qué hora puedo localizar a {nombre}?', '¿Cuándo suele estar {nombre} en casa?', 'No se preocupe, vuelvo a intentarlo más tarde.'], { rp: false });
b.ok(['Disculpe, me he equivocado de número. Lo quito de nuestra lista. Perdone la molestia.', 'Perdón por la confusión, actualizo los datos para que no le llamen más.'], { rp: false });
b.ok(['Es un asunto personal, lo siento, solo puedo hablarlo con {nombre}.', 'Disculpe, no puedo dar detalles; tengo que hablarlo directamente con {nombre}.'], { rp: false });
b.ok(['¿Quiere que le mande el enlace de pago [por SMS|por correo|por WhatsApp]?', 'Le envío un enlace seguro para pagar en línea.']);
b.ok(['Su pago de {pago} [ya se aplicó|quedó registrado]. El folio es {ult4}.', 'Me aparece su pago del {pasado}, muchas gracias.'.replace('del {pasado}', 'de {pasado}')]);
b.ok(['La cuenta nos la asignó {acreedor} {pasado}.', 'Es por la cuenta de [la tarjeta|el teléfono|el préstamo personal|la tienda] con {acreedor}.']);
b.ok(['Entonces, ¿me confirma que paga {pago} {dia}?', 'Le anoto la promesa de pago de {pago} para {dia}.']);
b.ok(['¿Quiere hablar con mi supervisor? Se lo paso.', 'Le transfiero con mi supervisora, no cuelgue.'], { rp: null });
b.ok(['Si hacemos el plan hoy le puedo quitar los [intereses de demora|recargos].', 'Si se mantiene al corriente {meses}, podemos revisar una reducción del saldo.']);
b.ok(['Le entiendo, está molest{o}. Vamos paso a paso.', 'Entiendo. Tómese su tiempo y dígame qué prefiere hacer.']);
b.ok(['¿Me confirma su [correo electrónico|teléfono|domicilio actual] para actualizar los datos?', '¿Sigue siendo el {tel} el mejor número para localizarle?']);
b.ok(['Su próximo pago vence {dia}.', 'Lleva {meses} pagados y el saldo que queda es de {monto}.', 'Después del pago de hoy, le quedan {monto}.']);
b.ok(['¿Le llegó la carta que le enviamos {pasado}?', 'Le mandamos un aviso {pasado}, ¿lo recibió?']);
b.ok(['Anoto que tiene abogado. ¿Me da su nombre y teléfono?', 'Como tiene representación legal, a partir de ahora hablaremos con su abogado.']);
b.ok(['Dejo la cuenta en pausa mientras revisamos [la reclamación|la posible suplantación de identidad].', 'Si cree que es un caso de suplantación, envíenos la denuncia y lo revisamos.']);
b.ok(['Como nos pidió que no le llamemos, a partir de ahora solo le escribiremos.', 'Tomo nota: solo contacto por escrito a partir de hoy.']);
b.ok(['Un momento, por favor, que abro su expediente.', 'Perdone, el sistema va un poco lento hoy.', '¿Me permite un momento?'], { rp: null });
b.ok(['¿Me deletrea su apellido?', '¿Me repite el número, por favor?', 'Perdone, se cortó. ¿Me lo puede repetir?'], { rp: null });
b.ok(['¿Está {nombre} {apellido}?', '¿Le puede decir a {nombre} que le llamé? Me llamo {agente}.', '¿Le puedo dejar un recado a {nombre}?'], { rp: false });
b.ok(['El importe original era de {monto} y con intereses ahora es de {grande}.', 'El saldo incluye {pago} de [intereses|comisiones] de {acreedor}.']);
b.ok(['Si no puede con {pago}, ¿qué tal {pago2}?', '¿Podría dar {pago} {dia} y el resto el mes que viene?']);
b.ok(['Ya está registrado. Le llegará un recordatorio antes de cada pago.', 'Todo listo, {nombre}. Gracias por ponerse al corriente.']);
b.ok(['Le propongo varias opciones.', 'Tiene varias opciones, por ejemplo [el pago total|una quita|un plan de pagos].']);
b.ok(['¿Cuándo cobra usted, a principios o a fin de mes?', '¿Le pagan por quincena o mensual?']);
b.ok(['Muy bien, con ese pago la cuenta queda al corriente.', 'Le confirmo que la cuenta ya está saldada; le mandamos la carta de finiquito.']);

// ---------------------------------------------------------------- lícitas difíciles (comparten palabras con infracciones)
b.hard(['Si la cuenta sigue sin pagarse, el acreedor puede [emprender acciones legales|acudir a los tribunales|pasarla a su departamento jurídico].', 'El acreedor [podría|puede] [presentar una demanda|iniciar un procedimiento judicial] más adelante, pero [no se ha decidido nada|eso no ha ocurrido].']);
b.hard(['Esta llamada es de una agencia de cobranza [con el fin de cobrar una deuda|y tiene por objeto el cobro de una deuda].', 'Por ley le informo que esta llamada es para el cobro de una deuda.']);
b.hard(['Nadie {lo} va a [detener|meter a la cárcel], {nombre}. Esto es un asunto civil.', 'Por una deuda no se va a la cárcel; [es un asunto civil|no funciona así].']);
b.hard(['No {lo} vamos a demandar [por esto|por este saldo].', 'No le estoy amenazando; solo quiero buscar una solución.', 'Nadie está hablando de demandas, solo quiero hacer un plan de pagos.']);
b.hard(['Usted me dijo la semana pasada que nos iba a demandar, [y está en su derecho|y puede hacerlo].', 'Me dijo que iba a [denunciarnos|llamar a la policía|buscar un abogado]; está en su derecho.', 'La última vez me llamó [mentiroso|ladrón], pero aquí sigo para ayudarle.']);
b.hard(['No le estoy llamando mentiros{o}, {nombre}; solo tengo que comprobar lo que dice el sistema.', 'Yo no le dije sinvergüenza, le dije que la cuenta está vencida.']);
b.hard(['Si la cuenta sigue sin pagarse, {acreedor} podría [reportarla a buró de crédito|enviarla a su área jurídica].', 'Los atrasos se reportan a buró de crédito, y eso es lo que quiero ayudarle a evitar.'], MX);
b.hard(['Si la deuda no se paga, {acreedor} podría comunicarla a un fichero de solvencia, siempre con aviso previo.', 'Los impagos pueden incluirse en ficheros de morosos, y eso es lo que quiero ayudarle a evitar.'], ES);
b.hard(['Un embargo solo puede hacerlo un juez [después de un juicio|con sentencia], y [no hay ninguna demanda|no hay nada de eso en su cuenta].', 'Nosotros no podemos embargar [la nómina|el sueldo|la cuenta] sin orden judicial.']);
b.hard(['La policía no tiene nada que ver con esto, {sr}; es un asunto entre usted y {acreedor}.', 'No hay ninguna orden de [detención|aprehensión] contra usted; eso no existe por deudas.']);
b.hard(['No voy a decirle nada a [su jefe|su empresa|su familia] sobre esta deuda.', 'Nunca hablamos de la deuda con [terceros|su familia|sus vecinos].', 'Sus datos son confidenciales; no los compartimos con nadie.']);
b.hard(['Nadie de nuestra oficina va a ir a su casa.', 'No mandamos a nadie a los domicilios, todo es por teléfono y por carta.']);
b.hard(['Si cree que es una estafa, cuelgue y llame directamente a {acreedor}.', 'Si alguien le dice que {lo} van a detener por una deuda, es una estafa.']);
b.hard(['Tiene derecho a consultar con un abogado.', 'Si tiene abogado, deme sus datos y hablamos con él.']);
b.hard(['El acreedor ya presentó una demanda en {juzgado} de {ciudad}; usted tiene derecho a contestarla.', 'Hay una audiencia señalada para {dia}; le recomiendo que acuda o que lo vea con un abogado.']);
b.hard(['Si el juez falla a favor del acreedor, podría haber un embargo conforme a la ley.', 'Una sentencia podría permitir un embargo, pero solo después del juicio, y no estamos en eso.']);
b.hard(['Entiendo que esté enfadad{o}; no hace falta gritar, no le voy a colgar.', 'No le voy a faltar al respeto ni a insultarle.']);
b.hard(['El vehículo podría ser recuperado según el contrato si se dejan de pagar las cuotas; por eso quiero ayudarle.', 'La financiera tiene la reserva de dominio, así que el contrato permite recuperar el vehículo si hay impago.']);
b.hard(['Si contesta su {tercero}, solo dejaremos un nombre y un teléfono.', 'A su familia solo le diremos que llamó {agente}, nada más.']);
b.hard(['Deber dinero no es un delito, {nombre}. Vamos a buscar una solución.', 'Tener deudas no es ilegal y nadie va a ir a la cárcel por esto.']);
b.hard(['No puedo prometer que {acreedor} no demande, pero le aseguro que hoy no hay nada presentado.', 'Si decide no pagar, lo anoto y el acreedor decidirá los siguientes pasos.']);
b.hard(['Nadie le va a hacer daño, {nombre}. Solo le llamo por el saldo.', 'Perdone si sonó a amenaza; no lo era. Solo quiero hacer un plan.']);
b.hard(['No publicamos nada en redes sociales sobre la deuda de nadie.', 'Nunca vamos a escribir a sus contactos sobre esto.']);
b.hard(['La cuenta fue [castigada|pasada a cobranza] por {acreedor} y nos la asignaron {pasado}.', 'Desde {pasado} la cuenta está en gestión de cobro con nosotros.']);
b.hard(['¿El otro agente le llamó sinvergüenza? Lo siento mucho, eso no está bien.', '¿Le amenazaron con la cárcel? Le pido disculpas, lo voy a reportar a mi supervisor.']);
b.hard(['No somos la policía ni el juzgado; somos una agencia de cobranza.', 'No soy abogado; trabajo en un despacho de cobranza.']);
b.hard(['Una demanda no está prevista para esta cuenta.', 'No hay demanda y no queremos llegar a eso; hablemos de pagos.']);
b.hard(['Si deja los pagos, la cuenta vuelve a {acreedor} y ellos deciden.', 'Si el plan se cae, la oferta de quita ya no estará disponible.']);
b.hard(['Nadie {lo} va a meter a la cárcel por una tarjeta, {nombre}, se lo aseguro.', 'No existe la orden de aprehensión por deudas, quien se lo dijo le mintió.'], MX);
b.hard(['No le vamos a embargar la nómina; eso solo lo puede ordenar un juzgado.', 'Nadie le va a embargar nada mañana, tranquil{o}.'], ES);

// ---------------------------------------------------------------- cliente (nunca etiquetado)
b.cust(['Sí, soy yo.', 'Sí, [dígame|con él habla|con ella habla].', 'Sí, ¿quién habla?'], { rp: null });
b.cust(['Mi fecha de nacimiento es el {dia} del [ochenta y dos|noventa y cinco|setenta y ocho].'.replace('el {dia} del', '{dia} del').replace('{dia}', 'el [tres|quince|veinte] de [marzo|junio|octubre]'), 'Los últimos son {ult4}.', 'Vivo en la calle [Mayor|Hidalgo|Juárez|Alcalá] número [doce|cuarenta|ciento tres].'], { rp: null });
b.cust(['¿De qué se trata?', '¿De dónde me dijo que llama?', '¿Cómo consiguió mi número?'], { rp: null });
b.cust(['Ahora mismo no puedo pagar [eso|{monto}].', 'Me quedé sin trabajo {pasado} y no llego a fin de mes.', 'Como mucho puedo dar {pago} al mes.']);
b.cust(['Puedo pagar {pago} {dia}.', 'Cobro {dia}, le mando {pago} ese día.', '¿Puedo dar {pago} ahora y el resto {dia}?']);
b.cust(['Yo no debo eso.', 'Eso ya lo pagué {pasado}, tengo el comprobante.', 'Esa cuenta no es mía, me robaron la identidad.']);
b.cust(['Mándemelo por escrito.', 'Quiero que me demuestren que debo eso.', 'No le voy a dar mis datos por teléfono.']);
b.cust(['¿Me puede llamar más tarde? Estoy trabajando.', 'Ahora no puedo, voy manejando.', 'No me vuelva a llamar al trabajo.']);
b.cust(['Deje de llamarme. Lo digo en serio.', 'Le pido que deje de llamarme.']);
b.cust(['Ustedes son unos [ladrones|buitres|estafadores|rateros].', 'Váyase a la mierda.', 'Eres un pinche [buitre|ratero|abusivo], ¿lo sabías?'], { hostile: true });
b.cust(['Los voy a demandar por acoso.', 'Voy a poner una queja en [CONDUSEF|PROFECO|consumo|el Banco de España].', 'Mi abogado se va a enterar de esto.'], { hostile: true });
b.cust(['Que te den, a ti y a tu deuda.', 'Chinga tu madre, no te voy a pagar nada.', 'Cállate, imbécil, no pienso pagar.'], { hostile: true });
b.cust(['Si vuelve a llamar a mi casa voy a ir a su oficina y [se va a arrepentir|ya verá].', 'Siga llamando a mi mamá y va a ver lo que le pasa.', 'Vuelva a llamar a mi trabajo y le juro que [me las paga|se arrepiente].'], { hostile: true });
b.cust(['Es usted un mentiroso, yo nunca firmé nada.', '¿Es usted tonto? Ya le dije que ya pagué.', 'Está loco si cree que le voy a pagar {monto}.'], { hostile: true });
b.cust(['¿Me está amenazando? Estoy grabando la llamada.', '¿Me está diciendo que voy a ir a la cárcel? Eso no es verdad.', 'Ustedes no me pueden detener, son una agencia de cobranza.'], { hostile: true });
b.cust(['{nombre} no está. ¿Quiere dejar recado?', '{nombre} ya no vive aquí.', 'Soy su {tercero}. ¿De qué se trata?'], { rp: false });
b.cust(['Se equivocó de número. Aquí no vive ningún {nombre}.', 'No conozco a ningún {nombre} {apellido}.', 'Este número es mío desde hace un año, no sé quién es.'], { rp: false });
b.cust(['Bueno, le digo que llamó.', '¿Me repite su número? Se lo paso.', '¿Está metid{o} en algún problema?'], { rp: false });
b.cust(['Va, hagamos el plan.', 'Me parece bien.', 'Sí, cárguelo a la tarjeta.']);
b.cust(['¿Me pueden bajar los intereses?', '¿Hay forma de liquidar con descuento?', '¿Qué es lo mínimo que aceptan?']);
b.cust(['Estoy de baja y no puedo pagar nada.', 'Mi esposo falleció {pasado} y estoy arreglando las cuentas.', 'Estuve hospitalizad{o} varias semanas.']);
b.cust(['Tengo abogado, hable con él.', 'Me voy a declarar en concurso, hable con mi abogado.', 'Mi abogado es el licenciado {apellido}.']);
b.cust(['Perdone, sé que voy atrasad{o}. Quiero arreglarlo.', 'Llevaba días queriendo llamarles.', 'Gracias por la paciencia.']);
b.cust(['El de la semana pasada me dijo que me iban a detener, ¿es cierto?', 'Alguien de su oficina le contó a mi [mamá|hermana|jefe] lo de mi deuda.', 'Su compañero me llamó sinvergüenza la última vez.']);
b.cust(['Espere, voy por la tarjeta.', 'Un momento.', '¿Me lo repite?']);
b.cust(['¡Ustedes me están arruinando la vida!', 'Ojalá se pudran todos.', '¿No tienen nada mejor que hacer que acosar a la gente pobre?'], { hostile: true });
b.cust(['Pago cuando me dé la gana.', 'Pues demándenme. Ándale.', 'Llévenme a juicio, me da igual.'], { hostile: true });
b.cust(['¿Por qué ahora son {monto}? Antes era mucho menos.', '¿De dónde salen esas comisiones?', '¡Yo solo pedí {pago}!']);
b.cust(['¿Bueno? ¿Quién habla?', 'Bueno, sí, diga.'], { rp: null, region: 'MX' });
b.cust(['¿Diga? ¿Sí?', 'Sí, dígame, ¿quién es?'], { rp: null, region: 'ES' });

// ---------------------------------------------------------------- familias adicionales (v2)
b.threat(['Le voy a llamar cada hora, también a las tres de la mañana, hasta que pague {monto}.', 'No va a volver a dormir tranquil{o} hasta que pague, se lo prometo.']);
b.threat(['Voy a hablar con el cura de su parroquia para que sepa qué clase de persona es.', 'En su iglesia se van a enterar de que usted no paga sus deudas.']);
b.threat(['Pague y aquí no pasa nada.', 'Nadie tiene por qué salir lastimado, {nombre}; nomás pague lo que debe.'], MX);
b.threat(['Pague y aquí no ha pasado nada.', 'Nadie tiene por qué salir mal parado, {nombre}; solo pague lo que debe.'], ES);
b.threat(['Tengo el teléfono de su hermana, de su madre y de su jefe. ¿A quién llamo primero?', 'Si sigue jugando conmigo empiezo a llamar a todos sus contactos, uno por uno.']);
b.threat(['Os vamos a buscar a los dos, a usted y a su pareja, hasta que paguéis.', 'Si no pagáis esta semana, os vamos a hacer una visita a casa.'], ES);
b.threat(['Al rato pasan unos compañeros por su casa a platicar con {familia}.', 'Ya le dije a los muchachos dónde vive; usted sabrá si quiere que vayan.'], MX);
b.threat(['Le vamos a hacer la vida de cuadritos, {nombre}.', 'Se va a arrepentir de haber pedido ese préstamo, se lo juro.'], MX);
b.insult(['¡Qué tont{o} es usted, por Dios!', 'Es usted más tont{o} que una piedra.']);
b.insult(['Usted es un parásito de la sociedad, {nombre}.', 'Gente como usted es la que vive de los demás, {insulto}.']);
b.insult(['Su madre debe estar muy orgullosa de tener {unInsulto} como usted.', 'Qué vergüenza deben sentir sus padres.']);
b.insult(['Ay, pobrecit{o}, ¿otra vez con el cuento de que no tiene?', 'Sus lloriqueos me dan igual, {insulto}.']);
b.insult(['No me venga con buenas palabras, {insulto} de mierda.', 'Ahórrese el teatro, {unInsulto} es lo que es.']);
b.insult(['Eres un pinche naco, no sabes ni sumar.', 'Pinche vieja mentirosa, ya no le creo nada.'.replace('Pinche vieja mentirosa', 'Pinche {insulto}')], MX);
b.insult(['Eres un desgraciado y un gilipollas, {nombre}.'.replace('desgraciado', 'desgraciad{o}'), '¡Qué cara más dura tiene usted!'], ES);
b.insult(['Hablar con usted es como hablar con una pared, {insulto}.', 'Me hace perder el tiempo, {unInsulto} como usted.']);
b.legal(['Si un juez se entera de que no paga, le quitan la custodia de sus hijos.', 'Servicios sociales va a intervenir si usted no paga sus deudas.'], ES);
b.legal(['Si un juez se entera de que no paga, le quitan la patria potestad de sus hijos.', 'El DIF va a intervenir si usted no paga sus deudas.'], MX);
b.legal(['Ya pusimos un gravamen sobre [su casa|su carro|su coche] esta mañana.', 'Ya no puede vender [su casa|su carro|su coche] porque le pusimos un embargo preventivo.']);
b.legal(['Le van a retener la devolución de la renta para pagar esta deuda.', 'Hacienda le va a quitar la devolución [para cubrir la deuda|automáticamente].'], ES);
b.legal(['Soy notificador del juzgado y {cuando} voy a su trabajo a entregarle la demanda.', 'Por medio de esta llamada queda usted notificad{o} legalmente.']);
b.legal(['Si paga hoy, yo hablo con el juez y le quito la orden.', 'Pagando la mitad no se cancela la orden de aprehensión, tiene que ser todo.'], MX);
b.legal(['Si paga hoy, hablo con el juzgado y se retira la denuncia.', 'Pagando una parte no se para el procedimiento penal, tiene que ser todo.'], ES);
b.legal(['Esta deuda ya es un asunto penal, {sr}, ya no es civil.', 'Su expediente ya está marcado como penal desde esta mañana.']);
b.legal(['Marque uno para hablar con el juez de su caso.', 'Su número de expediente es el {expediente}; si no llama hoy, el juez dicta sentencia en su contra.']);
b.disclose(['Hola, guapo, ¿está tu mamá? Dile que le llamamos porque debe {monto}.'.replace('guapo', '[guapo|guapa|mi amor]').replace('tu mamá', '[tu mamá|tu papá]'), '¿Le puedes dar un recado a tu [mamá|papá]? Que tiene el pago [del préstamo|de la tarjeta] atrasado y son {monto}.']);
b.disclose(['Su ex{pareja} {nombre} debe {monto} [de un préstamo|de la tarjeta]; ¿sabe dónde vive ahora?', 'Ya sé que está divorciad{o2} de {nombre}, pero debe {monto} y no lo localizamos.'.replace('no lo localizamos', 'no {lo} localizamos')]);
b.disclose(['¿Recepción? Dígale a {nombre} {apellido} que le llamó {agencia} por su cuenta vencida.', '¿Le puede dejar una nota a {nombre}? Es por su cuenta en cobranza con {acreedor}.']);
b.disclose(['Como {nombre} no contesta, le pido a usted que le diga que su cuenta con {acreedor} [está en mora|pasa a nuestros abogados].', 'Avísele a {nombre} que su deuda de {monto} [está vencida|tiene que pagarse esta semana].'], { twin: ['{nombre}, su cuenta con {acreedor} [está en mora|la está revisando el área jurídica del acreedor], por eso quería hablar con usted directamente.', '{nombre}, su saldo de {monto} [está vencido|sigue pendiente] y me gustaría ayudarle a organizarlo esta semana.'] });
b.disclose(['Le llama {agente} de {agencia}. {nombre} le dio su nombre como persona que le podía ayudar con su deuda.', 'Somos una agencia de cobranza y {nombre} lo puso como referencia; nos debe {monto}.']);
b.disclose(['¿Es usted el cuñado de {nombre}? Pues no ha pagado [el coche|el préstamo] y [lo vamos a demandar|ya está en cobranza].'.replace('lo vamos', '{lo} vamos'), 'Usted es de la familia, ¿no? Entonces debería saber que {nombre} debe {monto}.']);
b.ok(['Le informo de que esta llamada puede ser grabada por motivos de calidad.', 'Le aviso que la llamada está siendo grabada.'], { rp: null });
b.ok(['¿Está en un lugar donde pueda hablar con tranquilidad?', '¿Hay alguien más escuchando la llamada?', '¿Es buen momento para tratar un asunto personal?'], { rp: null });
b.ok(['Antes de darle detalles, necesito confirmar que hablo con la persona correcta.', 'Solo puedo tratar este asunto con {nombre} {apellido}. ¿Es usted?'], { rp: null });
b.ok(['Tiene treinta días desde que recibe la notificación para impugnar la deuda.', 'En la carta que le enviamos vienen sus derechos, entre ellos cómo reclamar el saldo.']);
b.ok(['Le mando la carta del acuerdo antes de que pague nada.', 'Tendrá el acuerdo por escrito antes del primer cargo.']);
b.ok(['La tarjeta salió rechazada. ¿Quiere probar con otra?', 'Parece que el pago no pasó. ¿Lo intentamos por transferencia?']);
b.ok(['¿Autoriza usted el cargo de {pago} en su cuenta {dia}?', 'Le confirmo que autoriza un único cargo de {pago} hoy.']);
b.ok(['Siento mucho su pérdida. ¿Es usted quien se encarga de la herencia de {nombre}?', 'Lo siento mucho. ¿Hay algún heredero o albacea que lleve los asuntos de {nombre}?'], { rp: false });
b.ok(['Buenas, estoy intentando localizar a {nombre} {apellido}. ¿Sigue viviendo en este domicilio?', 'Quería confirmar un teléfono de {nombre} {apellido}. ¿Este número sigue siendo suyo?'], { rp: false });
b.ok(['Entonces, resumiendo: {pago} {dia} y luego lo mismo cada mes hasta liquidar {monto}.', 'Le repito: {pago} hoy y {pago2} {dia}.']);
b.ok(['¿Tiene un número de celular donde localizarle mejor?', '¿Prefiere que le contactemos por correo o por mensaje?'], MX);
b.ok(['¿Tiene un móvil donde localizarle mejor?', '¿Prefiere que le contactemos por correo o por SMS?'], ES);
b.ok(['Le doy unos días para que lo hable con su familia y me llame.', 'Piénselo el fin de semana y le llamo {dia}.']);
b.ok(['Nuestro horario es de nueve a siete, de lunes a viernes.', 'También puede consultar su saldo en la página web.'], { rp: null });
b.ok(['No me aparece ningún pago reciente; el último fue {pasado}. ¿Hizo alguno que no me aparezca?', '¿Tiene el justificante de ese pago? Lo busco ahora mismo.']);
b.ok(['¿Está usted en concurso de acreedores? Si es así, deme el número del procedimiento.', 'Si se ha acogido a la ley de segunda oportunidad, paramos la gestión; ¿me da los datos?'], ES);
b.ok(['¿Me permite ofrecerle una opción con descuento por pronto pago?', 'Tenemos una campaña este mes con condonación de intereses.'], MX);
b.hard(['No soy policía y nadie va a ir a su casa.', 'Esto no es el juzgado; trabajo para {agencia}.']);
b.hard(['Si alguna vez le llega una demanda, no la ignore; tiene derecho a contestarla.', 'Si le notifican algo del juzgado, puede responder o consultarlo con un abogado.']);
b.hard(['No le puedo decir que va a ir a la cárcel, porque no es verdad.', 'Quien le diga que lo van a detener por una tarjeta no le está diciendo la verdad.'.replace('lo van', '{lo} van')]);
b.hard(['No le estoy llamando moros{o} ni nada por el estilo; a mucha gente le pasa.', 'Atrasarse no le hace mala persona, {nombre}.']);
b.hard(['Me dice que su hermano le contó que lo íbamos a detener; eso no es cierto.'.replace('lo íbamos', '{lo} íbamos'), '¿Su esposa dice que alguien amenazó con quitarle la casa? Eso no salió de esta oficina y no va a pasar.'.replace('Su esposa dice', '¿Su familia dice').replace('¿¿', '¿')]);
b.hard(['El acreedor nos ha autorizado a reportar la cuenta {dia} si no hay un acuerdo antes.', 'Si no hay pago antes de {dia}, la cuenta se reportará como vencida; eso es lo que quiero ayudarle a evitar.']);
b.hard(['No estoy amenazando a su familia ni a nadie; perdone si se entendió así.', 'Nadie va a molestar a {familia}; esto es entre usted y nosotros.']);
b.hard(['Aunque me insulte, yo no le voy a insultar.', 'Usted me puede llamar lo que quiera, pero yo le voy a seguir hablando con respeto.']);
b.cust(['¿Es por la factura del hospital? Pensé que el seguro lo cubría.', '¿Es lo del teléfono? Eso lo di de baja hace años.']);
b.cust(['Si pago, ¿me quitan de buró?', '¿Va a aparecer como liquidado?', '¿Me lo puede mandar por escrito antes de pagar?'], MX);
b.cust(['Si pago, ¿me sacan de ASNEF?', '¿Constará como pagado?', '¿Me lo puede mandar por escrito antes de pagar?'], ES);
b.cust(['¿Cómo sé que esto no es una estafa?', '¿Me da un número para devolverle la llamada?', '¿Cuál es la dirección de su empresa?'], { rp: null });
b.cust(['Déjeme hablarlo con mi [esposo|esposa|pareja] y le llamo.', 'Tengo que revisar mi cuenta primero.', 'Le llamo {dia}, se lo prometo.']);
b.cust(['Era la tarjeta de mi [mamá|papá], falleció {pasado}.', 'Mi marido llevaba las cuentas, yo no sabía nada de esto.'], { rp: false });
b.cust(['Es usted un pedazo de mierda, ¿lo sabía?', 'Vete a la chingada.', 'Eres un pinche parásito.'], { hostile: true, region: 'MX' });
b.cust(['Es usted un pedazo de mierda, ¿lo sabía?', 'Que te jodan.', 'Sois unos sinvergüenzas, todos vosotros.'], { hostile: true, region: 'ES' });
b.cust(['Venga a mi casa y le parto la cara.', 'Atrévase a venir y ya verá.', 'Usted acérquese a mi familia y se va a arrepentir.'], { hostile: true });
b.cust(['Los voy a denunciar ante la PROFECO y la CONDUSEF.', 'Les voy a sacar hasta el último peso en una demanda.', 'Tengo todas las llamadas grabadas y los voy a llevar a juicio.'], { hostile: true, region: 'MX' });
b.cust(['Os voy a denunciar en consumo y en el Banco de España.', 'Os voy a sacar hasta el último euro en los tribunales.', 'Tengo todas las llamadas grabadas y os voy a llevar a juicio.'], { hostile: true, region: 'ES' });
b.cust(['¿Por qué llaman a mi [madre|trabajo|hermana]?', '¿Cómo se enteró mi [jefe|vecino] de esto?', 'No vuelvan a llamar a mi familia nunca más.'], { hostile: true });

b.viol(['third_party_disclosure', 'insult'], ['{suRel} es {unInsulto} que le debe {monto} a {acreedor}, para que lo sepa.', 'Dígale a {suRel}, {ese} {insulto}, que nos debe {monto}.'], { rp: false });
b.viol(['third_party_disclosure', 'threat'], ['Dígale a {nombre} que si no paga los {monto} [vamos a ir a su casa|se va a arrepentir].', 'Avísele a {suRel} que pague lo de {acreedor} o [le hacemos la vida imposible|va a tener problemas].'], { rp: false });
b.viol(['third_party_disclosure', 'false_legal'], ['{suRel} debe {monto} y ya hay una orden de detención en su contra.', 'Dígale a {nombre} que va a ir a la cárcel si no paga su deuda con {acreedor}.'], { rp: false });
b.viol(['threat', 'false_legal'], ['Si no paga {dia}, {policia} viene a embargarle {bienes} y le contamos a {jefe} por qué.', '{Lo} vamos a hacer detener y que lo vea todo el mundo en {redes}.']);

b.ok(['Os llamo a los dos porque el préstamo está a nombre de ambos.', '¿Estáis los dos al teléfono? Así os explico las opciones a la vez.', 'Si os viene mejor, os mando la propuesta por correo y la miráis juntos.'], ES);
b.ok(['Le envío un burofax con el detalle de la deuda y la propuesta de pago.', 'Le llegará una carta certificada con el desglose.'], ES);
b.hard(['Si no llegamos a un acuerdo, la entidad podría iniciar un proceso monitorio, pero hoy no hay nada presentado.', 'Un embargo solo llegaría si un juez lo acordara después de un procedimiento, y no es el caso.'], ES);
b.hard(['Le recuerdo que somos un despacho registrado ante la CONDUSEF y puede verificarlo en el REDECA.', 'Si tiene alguna queja sobre esta llamada, puede presentarla ante la CONDUSEF.'], MX);
b.legal(['Mañana le llega el embargo de la cuenta, ya está firmado por el juez.', 'El juzgado ya ha ordenado el embargo de su nómina, a partir de este mes cobra usted la mitad.'], ES);
b.legal(['Ya está girado el oficio para que le descuenten de su quincena a partir de {dia}.', 'El juez ya firmó el embargo de su cuenta, mañana amanece congelada.'], MX);
b.cust(['Lo siento, es que este mes no llego ni para el alquiler.', 'Estoy en paro desde {pasado}.', 'Cobro el paro el día diez, puedo pagar algo entonces.'], ES);
b.cust(['Ahorita no tengo, güey, me quedé sin chamba.', 'Le pago en la quincena, se lo juro.', 'Nomás me alcanza para la renta y la comida.'], MX);
b.cust(['¿Y vosotros quiénes sois? ¿De qué empresa?', 'Mirad, ya os lo he dicho mil veces: no tengo dinero.', 'Vosotros no tenéis vergüenza, llamando a estas horas.'], { region: 'ES', hostile: true });

// mismas palabras, distinto estado de la llamada
b.discloseSame(['Le llama {agente} de {agencia}, agencia de cobranza, por el saldo vencido de {monto} de la cuenta con {acreedor}. Por favor llame al {tel}.', 'Este mensaje es de {agencia}. Estamos gestionando el cobro de una deuda de {monto} con {acreedor}; devuelva la llamada al {tel}.']);
b.discloseSame(['El préstamo con {acreedor} lleva {dias} días de atraso y el saldo es de {monto}.', 'La cuenta de {acreedor} está en cobranza y el adeudo es de {monto}.']);
b.discloseSame(['El acreedor presentó una demanda por los {monto} de la cuenta con {acreedor} y la audiencia es {dia}.']);

export const es: LangSpec = {
  lang: 'es',
  slots,
  families: b.families,
  finish: (s) => capFirst(tidy(s.replace(/(^|[\s¿¡])de el /g, '$1del ').replace(/(^|[\s¿¡])a el /g, '$1al ').replace(/(^|[\s¿¡])De el /g, '$1Del ').replace(/(^|[\s¿¡])A el /g, '$1Al '))),
};
