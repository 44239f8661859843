import { defineMessages } from '../define';

/** The frame of the auditors' section: its title and navigation. Each page has its own area. */
export default defineMessages({
	en: {
		title: 'Oversight',
		nav: { label: 'Oversight', search: 'Search', alerts: 'Alerts', cases: 'Cases', protected: 'Protected people', detection: 'Detection' },
		recorded: 'Your look-ups of people’s data are recorded on their timelines, with the case reference you give.'
	},
	et: {
		title: 'Järelevalve',
		nav: { label: 'Järelevalve', search: 'Otsing', alerts: 'Hoiatused', cases: 'Menetlused', protected: 'Kaitstud isikud', detection: 'Tuvastus' },
		recorded: 'Sinu päringud inimeste andmetele salvestatakse nende ajajoonele koos sinu antud menetluse viitega.'
	},
	ru: {
		title: 'Надзор',
		nav: { label: 'Надзор', search: 'Поиск', alerts: 'Предупреждения', cases: 'Дела', protected: 'Защищённые лица', detection: 'Выявление' },
		recorded: 'Ваши запросы к данным людей записываются в их хронологию вместе с указанным вами номером дела.'
	}
});
