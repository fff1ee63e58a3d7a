package linktest

// Invented names for invented people. Every person the generators of this
// package draw is made up: the lists are common Venezuelan given names and
// surnames, combined at random, and belong to no one. Each list is roughly
// in order of frequency; the generators draw from it with weights that fall
// with the rank, so that García and José are common and blocks on them are
// large, as in real registers.

var maleGiven = []string{
	"José", "Luis", "Carlos", "Juan", "Jesús", "Miguel", "Jorge", "Pedro", "Antonio", "Manuel",
	"Francisco", "Rafael", "Alejandro", "Daniel", "Andrés", "David", "Ángel", "Víctor", "Ramón", "Fernando",
	"Eduardo", "Javier", "Ricardo", "Gabriel", "Alexander", "Roberto", "Héctor", "Óscar", "Julio", "Enrique",
	"Alberto", "Franklin", "Wilmer", "Jhonny", "Yorman", "Deivis", "Richard", "Freddy", "Néstor", "Orlando",
	"Rubén", "Darío", "Efraín", "Nicolás", "Joaquín", "Adrián", "Sebastián", "Simón", "Tomás", "Germán",
	"Gustavo", "Hugo", "Iván", "Jairo", "Kelvin", "Leonardo", "Marcos", "Nelson", "Omar", "Pablo",
	"Raúl", "Rigoberto", "Santiago", "Sergio", "Teodoro", "Ulises", "Valentín", "Wilfredo", "Xavier", "Yeferson",
	"Abraham", "Agustín", "Alfredo", "Álvaro", "Amílcar", "Aníbal", "Ariel", "Armando", "Arturo", "Benjamín",
	"Bernardo", "César", "Cristian", "Diego", "Edgar", "Elías", "Emilio", "Ernesto", "Esteban", "Ezequiel",
	"Félix", "Gerardo", "Gilberto", "Gonzalo", "Gregorio", "Heriberto", "Humberto", "Ignacio", "Isaac", "Ismael",
	"Jacinto", "Jaime", "Jonathan", "Jonás", "Josué", "Julián", "Leandro", "Lisandro", "Lorenzo", "Marcelo",
	"Mario", "Martín", "Mauricio", "Máximo", "Moisés", "Noel", "Octavio", "Osmel", "Pascual", "Reinaldo",
	"Renato", "Roger", "Rolando", "Salvador", "Samuel", "Saúl", "Silvio", "Tobías", "Vicente", "Wladimir",
}

var femaleGiven = []string{
	"María", "Ana", "Carmen", "Rosa", "Luisa", "Yolanda", "Gabriela", "Daniela", "Andrea", "Carolina",
	"Patricia", "Mariana", "Isabel", "Elena", "Sofía", "Valentina", "Yusmary", "Yolimar", "Dayana", "Génesis",
	"Inés", "Lucía", "Verónica", "Rocío", "Begoña", "Marisol", "Milagros", "Nathaly", "Oriana", "Paola",
	"Adriana", "Alejandra", "Alicia", "Amanda", "Ángela", "Antonieta", "Aura", "Beatriz", "Belkis", "Blanca",
	"Camila", "Carla", "Cecilia", "Clara", "Claudia", "Cristina", "Diana", "Dora", "Elizabeth", "Emilia",
	"Erika", "Esperanza", "Estefanía", "Eva", "Fabiola", "Fernanda", "Gladys", "Gloria", "Graciela", "Guadalupe",
	"Irene", "Iris", "Jazmín", "Johana", "Josefina", "Julia", "Karina", "Katherine", "Laura", "Leticia",
	"Lilia", "Liliana", "Lorena", "Lourdes", "Magdalena", "Margarita", "Marta", "Mercedes", "Mónica", "Natalia",
	"Nelly", "Norma", "Olga", "Pilar", "Raquel", "Rebeca", "Regina", "Rosalba", "Rosario", "Ruth",
	"Sandra", "Sara", "Silvia", "Susana", "Teresa", "Trinidad", "Virginia", "Viviana", "Xiomara", "Yajaira",
	"Yelitza", "Yenny", "Yoselin", "Zoraida", "Zulay", "Dulce", "Esther", "Flor", "Ingrid", "Judith",
	"Libia", "Maité", "Noemí", "Omaira", "Petra", "Ramona", "Soledad", "Tibisay", "Úrsula", "Zenaida",
}

var surnames = []string{
	"González", "Rodríguez", "Pérez", "Hernández", "García", "Martínez", "López", "Díaz", "Sánchez", "Ramírez",
	"Torres", "Rojas", "Álvarez", "Gómez", "Fernández", "Moreno", "Romero", "Suárez", "Vargas", "Castillo",
	"Mendoza", "Gutiérrez", "Flores", "Medina", "Chacón", "Contreras", "Rivas", "Acosta", "Herrera", "Silva",
	"Castro", "Briceño", "Colmenares", "Zambrano", "Peña", "Núñez", "Márquez", "Añez", "Ibáñez", "Muñoz",
	"Quiñónez", "Villalobos", "Ávila", "Colmenárez", "Peñaloza", "Aguilar", "Alvarado", "Aponte", "Arias", "Azuaje",
	"Barrios", "Becerra", "Blanco", "Bolívar", "Bracho", "Bravo", "Cabrera", "Calderón", "Camacho", "Campos",
	"Cárdenas", "Carrasco", "Carrillo", "Castellanos", "Cedeño", "Cisneros", "Cordero", "Cova", "Cuevas", "Delgado",
	"Duarte", "Durán", "Echeverría", "Escalona", "Espinoza", "Estrada", "Fajardo", "Farías", "Figueroa", "Franco",
	"Fuenmayor", "Galindo", "Gallardo", "Gil", "Guerrero", "Guevara", "Girón", "Guzmán", "Hidalgo", "Infante",
	"Jiménez", "Lara", "León", "Linares", "Lozada", "Lugo", "Luna", "Machado", "Maldonado", "Marín",
	"Mata", "Matos", "Mejías", "Meléndez", "Méndez", "Mijares", "Millán", "Miranda", "Molina", "Montilla",
	"Montero", "Mora", "Morales", "Navarro", "Nieves", "Noguera", "Ochoa", "Olivares", "Oropeza", "Ortega",
	"Ortiz", "Osorio", "Pacheco", "Padilla", "Palacios", "Paredes", "Parra", "Pineda", "Piñango", "Ponce",
	"Prieto", "Quintero", "Ramos", "Rangel", "Reyes", "Rincón", "Ríos", "Rivero", "Rosales", "Rosas",
	"Rueda", "Ruiz", "Salas", "Salazar", "Salcedo", "Sandoval", "Santana", "Sequera", "Serrano", "Sierra",
	"Soto", "Tovar", "Urdaneta", "Urbina", "Valera", "Vásquez", "Vega", "Velásquez", "Vera", "Villegas",
	"Yépez", "Zabala", "Zamora", "Zapata", "Arteaga", "Bastidas", "Betancourt", "Borges", "Caldera", "Chirinos",
	"Colina", "Crespo", "Dávila", "Escobar", "Fermín", "Garcés", "Godoy", "Graterol", "Hurtado", "Ibarra",
	"Jaimes", "Labrador", "Landaeta", "Leal", "Loyo", "Manzano", "Marcano", "Mogollón", "Monsalve", "Montoya",
	"Mujica", "Narváez", "Ojeda", "Orozco", "Pardo", "Pulido", "Quevedo", "Rengifo", "Requena", "Sarmiento",
	"Segovia", "Sosa", "Tapia", "Toro", "Uzcátegui", "Valbuena", "Vielma", "Yánez", "Zerpa", "Zurita",
	"de la Cruz", "del Valle", "de Armas", "de León", "de Sousa", "de Freitas", "de Abreu", "de Gouveia", "San Juan", "Da Silva",
}

var regions = []string{
	"VE/Distrito Capital", "VE/Miranda", "VE/Zulia", "VE/Carabobo", "VE/Lara", "VE/Aragua", "VE/Anzoátegui",
	"VE/Bolívar", "VE/Táchira", "VE/Mérida", "VE/Falcón", "VE/Monagas", "VE/Sucre", "VE/Barinas",
	"VE/Portuguesa", "VE/Trujillo", "VE/Guárico", "VE/Yaracuy", "VE/Apure", "VE/Cojedes", "VE/Nueva Esparta",
	"VE/Vargas", "VE/Delta Amacuro", "VE/Amazonas",
}

var facilities = []string{
	"El Helicoide", "Rodeo I", "Rodeo II", "Tocorón", "Yare III", "La Tumba", "Zona 7 de Boleíta",
	"Tocuyito", "Fuerte Tiuna", "Ramo Verde", "El Dorado", "Uribana", "Puente Ayala", "Santa Ana",
}
