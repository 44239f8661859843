/**
 * Name and place lists for the demo population: Estonian-looking first and last names,
 * a Russian-speaking minority concentrated in Ida-Viru and Harju, and the 15 counties
 * weighted by population (Statistics Estonia, rounded).
 */

export const COUNTIES = [
	{ name: 'Harju County', weight: 45.5, russianShare: 0.33 },
	{ name: 'Tartu County', weight: 11.9, russianShare: 0.07 },
	{ name: 'Ida-Viru County', weight: 9.8, russianShare: 0.75 },
	{ name: 'Pärnu County', weight: 6.4, russianShare: 0.06 },
	{ name: 'Lääne-Viru County', weight: 4.3, russianShare: 0.1 },
	{ name: 'Viljandi County', weight: 3.4, russianShare: 0.03 },
	{ name: 'Rapla County', weight: 2.5, russianShare: 0.03 },
	{ name: 'Võru County', weight: 2.6, russianShare: 0.03 },
	{ name: 'Saare County', weight: 2.4, russianShare: 0.02 },
	{ name: 'Järva County', weight: 2.2, russianShare: 0.04 },
	{ name: 'Jõgeva County', weight: 2.0, russianShare: 0.06 },
	{ name: 'Valga County', weight: 2.0, russianShare: 0.1 },
	{ name: 'Põlva County', weight: 1.8, russianShare: 0.03 },
	{ name: 'Lääne County', weight: 1.5, russianShare: 0.06 },
	{ name: 'Hiiu County', weight: 0.7, russianShare: 0.01 }
] as const;

export type County = (typeof COUNTIES)[number]['name'];

/** First names by generation: older people carry older names, children the current top names. */
export const MALE_FIRST = {
	old: ['Jaan', 'Juhan', 'Ants', 'Rein', 'Tõnu', 'Jüri', 'Peeter', 'Enn', 'Heino', 'Arvo', 'Valdur', 'Kalju', 'Uno', 'Endel', 'Toomas', 'Mati', 'Olev', 'Aare'],
	middle: ['Andres', 'Toomas', 'Margus', 'Aivar', 'Priit', 'Indrek', 'Tarmo', 'Raivo', 'Urmas', 'Kalev', 'Marko', 'Meelis', 'Janek', 'Lauri', 'Martin', 'Siim', 'Kristjan', 'Mart', 'Jaan', 'Tanel'],
	young: ['Rasmus', 'Oliver', 'Robin', 'Sander', 'Karl', 'Hendrik', 'Mihkel', 'Kaspar', 'Markus', 'Joosep', 'Henri', 'Artur', 'Romet', 'Georg', 'Oskar', 'Sebastian', 'Mattias', 'Kristofer', 'Hugo', 'Lukas'],
	russian: ['Sergei', 'Andrei', 'Dmitri', 'Aleksei', 'Ivan', 'Vladimir', 'Nikolai', 'Maksim', 'Artjom', 'Mihhail', 'Igor', 'Juri', 'Roman', 'Daniil']
} as const;

export const FEMALE_FIRST = {
	old: ['Aino', 'Leida', 'Malle', 'Ene', 'Sirje', 'Maie', 'Helgi', 'Laine', 'Linda', 'Vaike', 'Tiiu', 'Aili', 'Evi', 'Silvi', 'Reet', 'Mari'],
	middle: ['Mari', 'Kadri', 'Anu', 'Tiina', 'Kersti', 'Maarja', 'Liis', 'Kristiina', 'Katrin', 'Helen', 'Piret', 'Eve', 'Triin', 'Kätlin', 'Merle', 'Kaja', 'Pille', 'Signe', 'Marika', 'Kairi'],
	young: ['Laura', 'Anna', 'Sofia', 'Emma', 'Mia', 'Eliise', 'Lisete', 'Hanna', 'Grete', 'Kertu', 'Mirtel', 'Marta', 'Elisabeth', 'Lenna', 'Sandra', 'Hele', 'Maria', 'Liisa', 'Emili', 'Karolin'],
	russian: ['Jelena', 'Olga', 'Natalja', 'Svetlana', 'Tatjana', 'Irina', 'Anastassia', 'Julia', 'Jekaterina', 'Marina', 'Ljudmila', 'Aleksandra', 'Darja', 'Viktoria']
} as const;

export const ESTONIAN_SURNAMES = [
	'Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves', 'Pärn', 'Koppel', 'Lepik', 'Kuusk', 'Karu', 'Ots',
	'Kallas', 'Lepp', 'Raudsepp', 'Vaher', 'Põder', 'Kivi', 'Mets', 'Luik', 'Laur', 'Teder', 'Kaasik', 'Kütt', 'Jõgi', 'Org',
	'Lill', 'Aas', 'Kuusik', 'Mölder', 'Sild', 'Paju', 'Järv', 'Toom', 'Vaik', 'Liiv', 'Allik', 'Kivistik', 'Oja', 'Kangur',
	'Pihlak', 'Nurk', 'Tali', 'Sarapuu', 'Männik', 'Rand', 'Hein', 'Uibo'
] as const;

/** Russian surnames are gendered: [male, female]. */
export const RUSSIAN_SURNAMES = [
	['Ivanov', 'Ivanova'], ['Smirnov', 'Smirnova'], ['Kuznetsov', 'Kuznetsova'], ['Vassiljev', 'Vassiljeva'],
	['Petrov', 'Petrova'], ['Popov', 'Popova'], ['Sokolov', 'Sokolova'], ['Jakovlev', 'Jakovleva'],
	['Mihhailov', 'Mihhailova'], ['Fjodorov', 'Fjodorova'], ['Nikolajev', 'Nikolajeva'], ['Orlov', 'Orlova'],
	['Morozov', 'Morozova'], ['Volkov', 'Volkova']
] as const;
