import { defineMessages } from '../define';

/** A parent viewing a minor child's records: the person switcher, the banner, the switch page. */
export default defineMessages({
	en: {
		switcher: {
			legend: 'Whose records to show',
			self: 'My own records',
			child: '{{name}}, your child',
			showing: '(shown now)',
			hint: 'As a parent you can see the records of your children under 18.'
		},
		banner: {
			label: 'Whose records these are',
			text: 'You are viewing the records of {{name}}, your child. Your access ends on {{date}}.',
			back: 'Back to my own records'
		},
		page: {
			title: 'Whose records',
			intro: 'A parent can see the records of their children under 18, as the population register lists them. Access to a child’s records ends on the child’s 18th birthday.',
			none: 'The population register lists no children under 18 for you, so you see only your own records.'
		},
		errors: {
			person: 'Choose whose records to show.',
			notRepresentable: 'You cannot view these records: the population register does not list this person as your child under 18.'
		}
	},
	et: {
		switcher: {
			legend: 'Kelle andmeid näidata',
			self: 'Minu enda andmed',
			child: '{{name}}, sinu laps',
			showing: '(praegu näidatud)',
			hint: 'Lapsevanemana näed oma alla 18-aastaste laste andmeid.'
		},
		banner: {
			label: 'Kelle andmed need on',
			text: 'Vaatad oma lapse andmeid: {{name}}. Sinu juurdepääs lõpeb {{date}}.',
			back: 'Tagasi minu enda andmete juurde'
		},
		page: {
			title: 'Kelle andmed',
			intro: 'Lapsevanem näeb oma alla 18-aastaste laste andmeid rahvastikuregistri järgi. Juurdepääs lapse andmetele lõpeb lapse 18. sünnipäeval.',
			none: 'Rahvastikuregistri järgi ei ole sul alla 18-aastaseid lapsi, seega näed ainult oma andmeid.'
		},
		errors: {
			person: 'Vali, kelle andmeid näidata.',
			notRepresentable: 'Sa ei saa neid andmeid vaadata: rahvastikuregistri järgi ei ole see inimene sinu alla 18-aastane laps.'
		}
	},
	ru: {
		switcher: {
			legend: 'Чьи данные показать',
			self: 'Мои собственные данные',
			child: '{{name}}, ваш ребёнок',
			showing: '(показано сейчас)',
			hint: 'Как родитель вы можете видеть данные своих детей младше 18 лет.'
		},
		banner: {
			label: 'Чьи это данные',
			text: 'Вы просматриваете данные вашего ребёнка: {{name}}. Ваш доступ заканчивается {{date}}', // the date ends in «г.»
			back: 'Вернуться к моим данным'
		},
		page: {
			title: 'Чьи данные',
			intro: 'Родитель может видеть данные своих детей младше 18 лет согласно регистру народонаселения. Доступ к данным ребёнка заканчивается в день его 18-летия.',
			none: 'По данным регистра народонаселения у вас нет детей младше 18 лет, поэтому вы видите только свои данные.'
		},
		errors: {
			person: 'Выберите, чьи данные показать.',
			notRepresentable: 'Вы не можете просматривать эти данные: по регистру народонаселения этот человек не является вашим ребёнком младше 18 лет.'
		}
	}
});
