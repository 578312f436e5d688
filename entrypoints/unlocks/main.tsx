import './style.css';
import { render } from 'preact';
import { App } from './App';
import { t } from '../../components/unlocks-i18n';

document.title = t('unlocks_title');
render(<App />, document.getElementById('app')!);
