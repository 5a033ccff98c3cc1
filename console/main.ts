import { mount } from 'svelte';
import App from './App.svelte';
import './console.css';

const target = document.getElementById('console');
if (!target) throw new Error('console/index.html has no #console element');
export default mount(App, { target });
